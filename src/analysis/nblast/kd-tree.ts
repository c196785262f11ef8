/**
 * A static 3D k-d tree over a point array (xyz interleaved): nearest neighbour (NBLAST's
 * query → target lookup, millions per matrix) and k nearest neighbours (dotprops tangents).
 * Leaves hold up to LEAF points; coordinates are copied in tree order so a leaf scan reads
 * contiguous memory; queries are iterative with a preallocated stack (no allocation per query).
 */
const LEAF = 8;

export interface KdTree {
  /** Coordinates in tree order, xyz interleaved. */
  xyz: Float64Array;
  /** Tree order → index in the original point array. */
  perm: Uint32Array;
  /** Per heap node (children 2i+1, 2i+2): split axis, -1 for a leaf. */
  axis: Int8Array;
  split: Float64Array;
  /** Per heap node: tight bounding box [minx, miny, minz, maxx, maxy, maxz]. */
  box: Float64Array;
  /** Per heap node: its range [lo, hi) in tree order. */
  nodeLo: Int32Array;
  nodeHi: Int32Array;
  /** Tree order → the leaf holding that point (-1 if none: then searches start at the root). */
  leafOf: Int32Array;
  size: number;
}

function heapSize(n: number): number {
  let leaves = 1;
  while (leaves * LEAF < n) leaves *= 2;
  return leaves * 4;
}

export function buildKdTree(points: Float32Array): KdTree {
  const n = Math.floor(points.length / 3);
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const size = heapSize(n);
  const axis = new Int8Array(size).fill(-1);
  const split = new Float64Array(size);
  const coord = (i: number, a: number) => points[(perm[i] ?? 0) * 3 + a] ?? 0;
  const nodeLo = new Int32Array(size);
  const nodeHi = new Int32Array(size);
  const leafOf = new Int32Array(n).fill(-1);
  const build = (lo: number, hi: number, node: number) => {
    if (node < size) {
      nodeLo[node] = lo;
      nodeHi[node] = hi;
    }
    if (hi - lo <= LEAF || node >= size) {
      if (node < size) leafOf.fill(node, lo, hi);
      return;
    }
    let best = 0;
    let bestExtent = -1;
    for (let a = 0; a < 3; a++) {
      let min = Infinity;
      let max = -Infinity;
      for (let i = lo; i < hi; i++) {
        const v = coord(i, a);
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > bestExtent) {
        bestExtent = max - min;
        best = a;
      }
    }
    const mid = (lo + hi) >> 1;
    select(points, perm, lo, hi - 1, mid, best);
    axis[node] = best;
    split[node] = coord(mid, best);
    build(lo, mid, 2 * node + 1);
    build(mid, hi, 2 * node + 2);
  };
  build(0, n, 0);
  const xyz = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const j = perm[i] ?? 0;
    xyz[i * 3] = points[j * 3] ?? 0;
    xyz[i * 3 + 1] = points[j * 3 + 1] ?? 0;
    xyz[i * 3 + 2] = points[j * 3 + 2] ?? 0;
  }
  const box = new Float64Array(size * 6);
  const boxOf = (node: number, lo: number, hi: number) => {
    for (let a = 0; a < 3; a++) {
      let min = Infinity;
      let max = -Infinity;
      for (let i = lo; i < hi; i++) {
        const v = xyz[i * 3 + a] ?? 0;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      box[node * 6 + a] = min;
      box[node * 6 + 3 + a] = max;
    }
    if ((axis[node] ?? -1) < 0) return;
    const mid = (lo + hi) >> 1;
    boxOf(2 * node + 1, lo, mid);
    boxOf(2 * node + 2, mid, hi);
  };
  if (n > 0) boxOf(0, 0, n);
  return { xyz, perm, axis, split, box, nodeLo, nodeHi, leafOf, size: n };
}

/** Quickselect: position k gets the k-th smallest coordinate on `axis` within [lo, hi]. */
function select(p: Float32Array, o: Uint32Array, lo: number, hi: number, k: number, axis: number) {
  const key = (i: number) => p[(o[i] ?? 0) * 3 + axis] ?? 0;
  const swap = (i: number, j: number) => {
    const t = o[i] ?? 0;
    o[i] = o[j] ?? 0;
    o[j] = t;
  };
  while (hi > lo) {
    const pivot = key((lo + hi) >> 1);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (key(i) < pivot) i++;
      while (key(j) > pivot) j--;
      if (i <= j) swap(i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

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

/** Indices of the k nearest points to (x, y, z) (the point itself included when in the tree). */
export function kNearest(t: KdTree, x: number, y: number, z: number, k: number): number[] {
  const idx: number[] = [];
  const d2s: number[] = [];
  const { xyz, axis, split } = t;
  const worst = () => (idx.length < k ? Infinity : (d2s[d2s.length - 1] ?? Infinity));
  const visit = (node: number, lo: number, hi: number) => {
    const a = node < axis.length ? (axis[node] ?? -1) : -1;
    if (a < 0) {
      for (let i = lo; i < hi; i++) {
        const dx = (xyz[i * 3] ?? 0) - x;
        const dy = (xyz[i * 3 + 1] ?? 0) - y;
        const dz = (xyz[i * 3 + 2] ?? 0) - z;
        const d2 = dx * dx + dy * dy + dz * dz;
        if (d2 >= worst()) continue;
        let at = d2s.length;
        while (at > 0 && (d2s[at - 1] ?? 0) > d2) at--;
        d2s.splice(at, 0, d2);
        idx.splice(at, 0, t.perm[i] ?? 0);
        if (idx.length > k) {
          d2s.pop();
          idx.pop();
        }
      }
      return;
    }
    const mid = (lo + hi) >> 1;
    const diff = (a === 0 ? x : a === 1 ? y : z) - (split[node] ?? 0);
    if (diff < 0) visit(2 * node + 1, lo, mid);
    else visit(2 * node + 2, mid, hi);
    if (diff * diff < worst()) {
      if (diff < 0) visit(2 * node + 2, mid, hi);
      else visit(2 * node + 1, lo, mid);
    }
  };
  visit(0, 0, t.size);
  return idx;
}
