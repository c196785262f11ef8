/**
 * A static 3D k-d tree over a point array (xyz interleaved): nearest neighbour (NBLAST's
 * query → target lookup) and k nearest neighbours (dotprops tangents). Built once per neuron by
 * median splits over an index permutation; no allocation per query.
 */
export interface KdTree {
  points: Float32Array;
  /** Point indices in tree order: node = the middle of a range, its halves the children. */
  order: Uint32Array;
}

export function buildKdTree(points: Float32Array): KdTree {
  const n = Math.floor(points.length / 3);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const build = (lo: number, hi: number, depth: number) => {
    if (hi - lo <= 1) return;
    const axis = depth % 3;
    const mid = (lo + hi) >> 1;
    select(points, order, lo, hi - 1, mid, axis);
    build(lo, mid, depth + 1);
    build(mid + 1, hi, depth + 1);
  };
  build(0, n, 0);
  return { points, order };
}

/** Quickselect: order[k] gets the k-th smallest coordinate on `axis` within [lo, hi]. */
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
  index: number;
  dist2: number;
}

/** The nearest point to (x, y, z); `out` is reused to avoid allocation. */
export function nearest(t: KdTree, x: number, y: number, z: number, out: Nearest): Nearest {
  out.index = -1;
  out.dist2 = Infinity;
  const p = t.points;
  const o = t.order;
  const q = [x, y, z];
  const visit = (lo: number, hi: number, depth: number) => {
    if (hi <= lo) return;
    const mid = (lo + hi) >> 1;
    const i = o[mid] ?? 0;
    const dx = (p[i * 3] ?? 0) - x;
    const dy = (p[i * 3 + 1] ?? 0) - y;
    const dz = (p[i * 3 + 2] ?? 0) - z;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 < out.dist2) {
      out.dist2 = d2;
      out.index = i;
    }
    const axis = depth % 3;
    const diff = (q[axis] ?? 0) - (p[i * 3 + axis] ?? 0);
    const [first, second] = diff < 0 ? [lo, mid + 1] : [mid + 1, lo];
    if (first === lo) visit(lo, mid, depth + 1);
    else visit(mid + 1, hi, depth + 1);
    if (diff * diff < out.dist2) {
      if (second === lo) visit(lo, mid, depth + 1);
      else visit(mid + 1, hi, depth + 1);
    }
  };
  visit(0, o.length, 0);
  return out;
}

/** Indices of the k nearest points to (x, y, z) (the point itself included when in the tree). */
export function kNearest(t: KdTree, x: number, y: number, z: number, k: number): number[] {
  const idx: number[] = [];
  const d2s: number[] = [];
  const p = t.points;
  const o = t.order;
  const q = [x, y, z];
  const worst = () => (idx.length < k ? Infinity : (d2s[d2s.length - 1] ?? Infinity));
  const visit = (lo: number, hi: number, depth: number) => {
    if (hi <= lo) return;
    const mid = (lo + hi) >> 1;
    const i = o[mid] ?? 0;
    const dx = (p[i * 3] ?? 0) - x;
    const dy = (p[i * 3 + 1] ?? 0) - y;
    const dz = (p[i * 3 + 2] ?? 0) - z;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 < worst()) {
      let at = d2s.length;
      while (at > 0 && (d2s[at - 1] ?? 0) > d2) at--;
      d2s.splice(at, 0, d2);
      idx.splice(at, 0, i);
      if (idx.length > k) {
        d2s.pop();
        idx.pop();
      }
    }
    const axis = depth % 3;
    const diff = (q[axis] ?? 0) - (p[i * 3 + axis] ?? 0);
    if (diff < 0) visit(lo, mid, depth + 1);
    else visit(mid + 1, hi, depth + 1);
    if (diff * diff < worst()) {
      if (diff < 0) visit(mid + 1, hi, depth + 1);
      else visit(lo, mid, depth + 1);
    }
  };
  visit(0, o.length, 0);
  return idx;
}
