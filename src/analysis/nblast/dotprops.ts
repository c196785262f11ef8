/**
 * Dot properties of a skeleton, as navis' `make_dotprops(x, k=5, resample=…)` and nat's
 * `dotprops(k=5)`: points along the cable (resampled to `stepUm` spacing), each with a unit tangent =
 * the first principal component of its k nearest points (itself included) and alpha =
 * (λ1 − λ2) / (λ1 + λ2 + λ3), how line-like that neighbourhood is. Coordinates in µm (the FCWB
 * scores are in µm); skeleton positions come in nm.
 */
import { buildKdTree, kNearest } from './kd-tree.ts';
import { symEigen3 } from './sym-eigen3.ts';

export interface Dotprops {
  /** xyz interleaved, µm. */
  points: Float32Array;
  /** Unit tangents, xyz interleaved. */
  tangents: Float32Array;
  alpha: Float32Array;
}

export interface DotpropsOptions {
  k?: number;
  /** Resampling step along the cable, µm. */
  stepUm?: number;
  /** nm → µm by default. */
  scale?: number;
}

/**
 * Resampled cable, as navis' `resample_skeleton(x, step)`: roots, branch points and leaves are
 * kept; each unbranched segment between them gets points at equal spacing as close to `step` as
 * a whole number of pieces allows (so finely traced skeletons get fewer points, coarse ones more).
 */
function resampledPoints(
  parent: Int32Array,
  positions: Float32Array,
  step: number,
  scale: number,
): Float32Array {
  const n = parent.length;
  const children = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parent[i] ?? -1;
    if (p >= 0) children[p] = (children[p] ?? 0) + 1;
  }
  const at = (i: number, a: number) => (positions[i * 3 + a] ?? 0) * scale;
  const out: number[] = [];
  const path: number[] = [];
  for (let start = 0; start < n; start++) {
    const isKey = children[start] !== 1 || (parent[start] ?? -1) < 0;
    if (!isKey) continue;
    out.push(at(start, 0), at(start, 1), at(start, 2));
    if ((parent[start] ?? -1) < 0) continue;
    // Walk up to the next key node (branch point or root), then resample that path.
    path.length = 0;
    path.push(start);
    let v = parent[start] ?? -1;
    while (v >= 0) {
      path.push(v);
      if (children[v] !== 1 || (parent[v] ?? -1) < 0) break;
      v = parent[v] ?? -1;
    }
    let length = 0;
    const cum = [0];
    for (let k = 1; k < path.length; k++) {
      const a = path[k - 1] ?? 0;
      const b = path[k] ?? 0;
      length += Math.hypot(at(b, 0) - at(a, 0), at(b, 1) - at(a, 1), at(b, 2) - at(a, 2));
      cum.push(length);
    }
    const pieces = Math.max(1, Math.round(length / step));
    let k = 1;
    for (let j = 1; j < pieces; j++) {
      const d = (length * j) / pieces;
      while (k < cum.length - 1 && (cum[k] ?? 0) < d) k++;
      const a = path[k - 1] ?? 0;
      const b = path[k] ?? 0;
      const span = (cum[k] ?? 0) - (cum[k - 1] ?? 0);
      const f = span > 0 ? (d - (cum[k - 1] ?? 0)) / span : 0;
      out.push(
        at(a, 0) + (at(b, 0) - at(a, 0)) * f,
        at(a, 1) + (at(b, 1) - at(a, 1)) * f,
        at(a, 2) + (at(b, 2) - at(a, 2)) * f,
      );
    }
  }
  return Float32Array.from(out);
}

/** Tangents and alpha of a point cloud (µm). */
export function dotpropsOfPoints(points: Float32Array, k = 5): Dotprops {
  const n = Math.floor(points.length / 3);
  const tangents = new Float32Array(n * 3);
  const alpha = new Float32Array(n);
  if (n === 0) return { points, tangents, alpha };
  const tree = buildKdTree(points);
  for (let i = 0; i < n; i++) {
    const x = points[i * 3] ?? 0;
    const y = points[i * 3 + 1] ?? 0;
    const z = points[i * 3 + 2] ?? 0;
    const nb = kNearest(tree, x, y, z, Math.min(k, n));
    let cx = 0;
    let cy = 0;
    let cz = 0;
    for (const j of nb) {
      cx += points[j * 3] ?? 0;
      cy += points[j * 3 + 1] ?? 0;
      cz += points[j * 3 + 2] ?? 0;
    }
    cx /= nb.length;
    cy /= nb.length;
    cz /= nb.length;
    const m = [0, 0, 0, 0, 0, 0];
    for (const j of nb) {
      const dx = (points[j * 3] ?? 0) - cx;
      const dy = (points[j * 3 + 1] ?? 0) - cy;
      const dz = (points[j * 3 + 2] ?? 0) - cz;
      m[0] = (m[0] ?? 0) + dx * dx;
      m[1] = (m[1] ?? 0) + dx * dy;
      m[2] = (m[2] ?? 0) + dx * dz;
      m[3] = (m[3] ?? 0) + dy * dy;
      m[4] = (m[4] ?? 0) + dy * dz;
      m[5] = (m[5] ?? 0) + dz * dz;
    }
    const e = symEigen3(m);
    tangents[i * 3] = e.first[0];
    tangents[i * 3 + 1] = e.first[1];
    tangents[i * 3 + 2] = e.first[2];
    const sum = e.values[0] + e.values[1] + e.values[2];
    alpha[i] = sum > 0 ? (e.values[0] - e.values[1]) / sum : 0;
  }
  return { points, tangents, alpha };
}

export function dotpropsOfSkeleton(
  parent: Int32Array,
  positions: Float32Array,
  { k = 5, stepUm = 1, scale = 1e-3 }: DotpropsOptions = {},
): Dotprops {
  return dotpropsOfPoints(resampledPoints(parent, positions, stepUm, scale), k);
}

/**
 * The mirror image across the plane x = midlineUm (tangents flip their x): how a right-side
 * neuron is compared with left-side ones (navis' `mirror_brain` does this with a template brain).
 */
export function mirroredDotprops(d: Dotprops, midlineUm: number): Dotprops {
  const points = Float32Array.from(d.points);
  const tangents = Float32Array.from(d.tangents);
  for (let i = 0; i < points.length; i += 3) {
    points[i] = 2 * midlineUm - (points[i] ?? 0);
    tangents[i] = -(tangents[i] ?? 0);
  }
  return { points, tangents, alpha: d.alpha };
}

/** Centre of the x extent of a set of neurons (µm): the midline of a bilateral selection. */
export function midlineOf(all: readonly Dotprops[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of all)
    for (let i = 0; i < d.points.length; i += 3) {
      const x = d.points[i] ?? 0;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  return Number.isFinite(lo) ? (lo + hi) / 2 : 0;
}
