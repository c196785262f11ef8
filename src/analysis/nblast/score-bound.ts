/**
 * An upper bound of a query → target NBLAST score in O(query points) without any nearest-neighbour
 * search: each query point's nearest target point is at least as far as the target's bounding box,
 * and no FCWB cell beyond that distance scores more than the row ceilings allow. Neurons far apart
 * (more than 40 µm, the last finite FCWB bin) are bounded by the last row, ≈ −9.9 per point.
 * With the mirror option this lets a cell skip the mirror image (or the direct target) whose bound
 * is already below the other's score: the cell's maximum is unchanged, and half the work goes.
 */
import type { Dotprops } from './dotprops.ts';
import { fcwbCeiling } from './fcwb-smat.ts';
import type { KdTree } from './kd-tree.ts';

const ceiling = fcwbCeiling();

/** Upper bound of the raw (unnormalised) score of `query` against the points in `tree`. */
export function rawScoreBound(query: Dotprops, tree: KdTree): number {
  if (tree.size === 0) return 0;
  const b = tree.box;
  const [x0, y0, z0, x1, y1, z1] = [
    b[0] ?? 0,
    b[1] ?? 0,
    b[2] ?? 0,
    b[3] ?? 0,
    b[4] ?? 0,
    b[5] ?? 0,
  ];
  const q = query.points;
  let sum = 0;
  for (let i = 0; i + 2 < q.length; i += 3) {
    const x = q[i] ?? 0;
    const y = q[i + 1] ?? 0;
    const z = q[i + 2] ?? 0;
    const dx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    const dy = y < y0 ? y0 - y : y > y1 ? y - y1 : 0;
    const dz = z < z0 ? z0 - z : z > z1 ? z - z1 : 0;
    sum += ceiling(Math.sqrt(dx * dx + dy * dy + dz * dz));
  }
  return sum;
}
