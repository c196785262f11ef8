/** Which point-in-mesh test a volume got, and how the UI names it (no geometry imports here). */
export type InsideMethod = 'ray-parity' | 'ray-vote-winding';

export function describeMethod(method: InsideMethod): string {
  return method === 'ray-parity'
    ? 'exact: ray parity on a watertight mesh'
    : 'mesh has open edges: 5-ray parity vote, winding number where the rays disagree';
}
