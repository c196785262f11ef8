/**
 * Sholl profile: for spheres of radius step, 2·step, … around a centre (the soma), how many
 * cable segments cross each sphere. A segment (node → parent) crosses radius r when one end is
 * closer than r and the other at r or farther, so a node exactly on a sphere counts once.
 */
import type { MorphTree } from './tree.ts';

export interface ShollProfile {
  /** nm, ascending: step, 2·step, … up to the farthest node. */
  radii: number[];
  intersections: number[];
}

export function shollProfile(
  tree: Pick<MorphTree, 'parentIndex' | 'positions'>,
  centre: number,
  step: number,
): ShollProfile {
  const { parentIndex, positions } = tree;
  const n = parentIndex.length;
  if (centre < 0 || centre >= n || !(step > 0)) return { radii: [], intersections: [] };
  const cx = positions[centre * 3] ?? 0;
  const cy = positions[centre * 3 + 1] ?? 0;
  const cz = positions[centre * 3 + 2] ?? 0;
  const r = new Float64Array(n);
  let far = 0;
  for (let i = 0; i < n; i++) {
    const dx = (positions[i * 3] ?? 0) - cx;
    const dy = (positions[i * 3 + 1] ?? 0) - cy;
    const dz = (positions[i * 3 + 2] ?? 0) - cz;
    r[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
    far = Math.max(far, r[i] ?? 0);
  }
  const shells = Math.floor(far / step);
  const counts = new Array<number>(shells).fill(0);
  for (let i = 0; i < n; i++) {
    const p = parentIndex[i] ?? -1;
    if (p < 0 || p >= n) continue;
    const lo = Math.min(r[i] ?? 0, r[p] ?? 0);
    const hi = Math.max(r[i] ?? 0, r[p] ?? 0);
    // Shells k (radius k·step) with lo < k·step <= hi.
    const first = Math.floor(lo / step) + 1;
    const last = Math.floor(hi / step);
    for (let k = first; k <= last && k <= shells; k++) counts[k - 1] = (counts[k - 1] ?? 0) + 1;
  }
  return { radii: counts.map((_, k) => (k + 1) * step), intersections: counts };
}
