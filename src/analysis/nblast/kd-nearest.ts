/**
 * Nearest-neighbour search in a k-d tree (NBLAST's query → target lookup, millions per matrix):
 * iterative with a preallocated stack and module-level running answer, so no allocation per
 * query; pruned by the nodes' tight bounding boxes.
 */
import type { KdTree } from './kd-tree.ts';

export interface Nearest {
  /** Index in the original point array, -1 if the tree is empty. */
  index: number;
  /** Position in tree order (what `seed` takes), -1 if the tree is empty. */
  at: number;
  dist2: number;
}

const STACK = 256;
const sNode = new Int32Array(STACK);
const sBound = new Float64Array(STACK);

/** Squared distance from (x, y, z) to a node's bounding box (0 inside). */
function boxDist2(box: Float64Array, node: number, x: number, y: number, z: number): number {
  // Branches rather than Math.max(lo - x, 0, x - hi): this runs ~40 times per query.
  const b = node * 6;
  let d2 = 0;
  let lo = box[b] ?? 0;
  let hi = box[b + 3] ?? 0;
  if (x < lo) d2 += (lo - x) * (lo - x);
  else if (x > hi) d2 += (x - hi) * (x - hi);
  lo = box[b + 1] ?? 0;
  hi = box[b + 4] ?? 0;
  if (y < lo) d2 += (lo - y) * (lo - y);
  else if (y > hi) d2 += (y - hi) * (y - hi);
  lo = box[b + 2] ?? 0;
  hi = box[b + 5] ?? 0;
  if (z < lo) d2 += (lo - z) * (lo - z);
  else if (z > hi) d2 += (z - hi) * (z - hi);
  return d2;
}

/**
 * The nearest point to (x, y, z); `out` is reused to avoid allocation. `seed` (a tree-order
 * position, e.g. the previous answer for a neighbouring query point) starts the search with that
 * point's distance as the bound, so most of the tree is pruned at once; the answer is the same
 * nearest point (only between points at exactly equal distances may the choice differ).
 */
export function nearest(
  t: KdTree,
  x: number,
  y: number,
  z: number,
  out: Nearest,
  seed = -1,
): Nearest {
  qBest = Infinity;
  qAt = -1;
  const { xyz, box } = t;
  const leaf = seed >= 0 && seed < t.size ? (t.leafOf[seed] ?? -1) : -1;
  if (leaf >= 0) {
    // Bottom-up from the seed's leaf: scan it, then each ancestor's other child whose box is
    // nearer than the best so far. Together these cover the tree once; near the cable most
    // siblings are pruned by a single box test.
    const dx = (xyz[seed * 3] ?? 0) - x;
    const dy = (xyz[seed * 3 + 1] ?? 0) - y;
    const dz = (xyz[seed * 3 + 2] ?? 0) - z;
    qBest = dx * dx + dy * dy + dz * dz;
    qAt = seed;
    search(t, x, y, z, leaf, 0);
    for (let node = leaf; node > 0; node = (node - 1) >> 1) {
      const sib = node & 1 ? node + 1 : node - 1;
      const d2 = boxDist2(box, sib, x, y, z);
      if (d2 < qBest) search(t, x, y, z, sib, d2);
    }
  } else if (t.size > 0) search(t, x, y, z, 0, boxDist2(box, 0, x, y, z));
  out.index = qAt < 0 ? -1 : (t.perm[qAt] ?? -1);
  out.at = qAt;
  out.dist2 = qBest;
  return out;
}

/** The running answer of `nearest` (module state: queries never overlap). */
let qBest = Infinity;
let qAt = -1;

/** Top-down search of the subtree at `start`, nearer child first, improving qBest / qAt. */
function search(t: KdTree, x: number, y: number, z: number, start: number, bound0: number): void {
  const { xyz, axis, box, nodeLo, nodeHi } = t;
  let top = 0;
  sNode[0] = start;
  sBound[0] = bound0;
  while (top >= 0) {
    const node = sNode[top] ?? 0;
    const bound = sBound[top] ?? 0;
    top--;
    if (bound >= qBest) continue;
    if ((axis[node] ?? -1) < 0) {
      const hi = nodeHi[node] ?? 0;
      for (let i = nodeLo[node] ?? 0; i < hi; i++) {
        const dx = (xyz[i * 3] ?? 0) - x;
        const dy = (xyz[i * 3 + 1] ?? 0) - y;
        const dz = (xyz[i * 3 + 2] ?? 0) - z;
        const d2 = dx * dx + dy * dy + dz * dz;
        if (d2 < qBest) {
          qBest = d2;
          qAt = i;
        }
      }
      continue;
    }
    const left = 2 * node + 1;
    const right = left + 1;
    const dl = boxDist2(box, left, x, y, z);
    const dr = boxDist2(box, right, x, y, z);
    // The farther child goes on the stack first, so the nearer one is searched first.
    const nearLeft = dl <= dr;
    top++;
    sNode[top] = nearLeft ? right : left;
    sBound[top] = nearLeft ? dr : dl;
    top++;
    sNode[top] = nearLeft ? left : right;
    sBound[top] = nearLeft ? dl : dr;
  }
}
