/**
 * A static 3D k-d tree over a point array (xyz interleaved), with k nearest neighbours (dotprops
 * tangents); the nearest-neighbour search NBLAST uses is in kd-nearest.ts. Leaves hold up to LEAF
 * points; coordinates are copied in tree order so a leaf scan reads contiguous memory.
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
