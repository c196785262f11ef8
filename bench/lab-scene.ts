/**
 * The lab benches' scene (bench/lab.ts, bench/colleagues.ts, bench/fair-share.ts): the demo
 * server's lab project (DEMO_LAB=1), N of its skeletons spread over it, and the dashboard
 * server's cache cleared between measurements.
 */

export const LAB_PROJECT = 3;

/** n ids spread evenly over the project (its neurons are ordered by cell type and size). */
export function spread(all: readonly number[], n: number): number[] {
  if (n >= all.length) return [...all];
  return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)] ?? 0);
}

/** A project's skeleton ids (the lab project's by default), from the CATMAID (demo) server. */
export async function labSkeletons(catmaid: string, project = LAB_PROJECT): Promise<number[]> {
  return (await (await fetch(`${catmaid}/${project}/skeletons/`)).json()) as number[];
}

export async function clearServerCache(base: string): Promise<void> {
  const res = await fetch(`${base}/api/cache/clear`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!res.ok) throw new Error(`clearing the server cache failed: ${res.status}`);
}
