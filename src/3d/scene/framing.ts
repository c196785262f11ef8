/**
 * "Frame all" as pure math: the camera distance (perspective) or visible half-height
 * (orthographic) at which all 8 corners of a bounding box project inside the viewport, looking
 * at the box centre along `forward` with `up`, for a given vertical field of view and aspect.
 * Fitting the corners (not a bounding sphere) uses the frame well and, unlike fitting a sphere
 * with tan(fov/2), never lets corners near the camera spill over the edges.
 */
import type { Bounds } from '../geometry/scene-model.ts';

export type Vec3 = [number, number, number];

export interface FitView {
  forward: Vec3;
  up: Vec3;
  /** Vertical field of view, degrees. */
  fovDeg: number;
  /** Viewport width / height. */
  aspect: number;
  /** Extra room around the box, as a fraction of the frame (0.05 = 5 %). */
  margin?: number;
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
function normalize(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}

export function boundsValid(b: Bounds | null): b is Bounds {
  return !!b && [...b.min, ...b.max].every(Number.isFinite) && b.min[0] <= b.max[0];
}

/** The box holding both (either may be null or empty). */
export function unionBounds(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (!boundsValid(a)) return boundsValid(b) ? b : null;
  if (!boundsValid(b)) return a;
  const lo = (i: number) => Math.min(a.min[i] ?? 0, b.min[i] ?? 0);
  const hi = (i: number) => Math.max(a.max[i] ?? 0, b.max[i] ?? 0);
  return { min: [lo(0), lo(1), lo(2)], max: [hi(0), hi(1), hi(2)] };
}

/** The box scaled by `factor` about its centre (null and empty boxes pass through). */
export function scaleBounds(b: Bounds | null, factor: number): Bounds | null {
  if (!boundsValid(b)) return b;
  const half = (i: number) => (((b.max[i] ?? 0) - (b.min[i] ?? 0)) * factor) / 2;
  const c = boundsCenter(b);
  return {
    min: [c[0] - half(0), c[1] - half(1), c[2] - half(2)],
    max: [c[0] + half(0), c[1] + half(1), c[2] + half(2)],
  };
}

export function boundsCenter(b: Bounds): Vec3 {
  return [(b.min[0] + b.max[0]) / 2, (b.min[1] + b.max[1]) / 2, (b.min[2] + b.max[2]) / 2];
}

/** The corners relative to the centre, in camera axes: [right, up, depth along forward]. */
function cornersInView(b: Bounds, forward: Vec3, up: Vec3): Vec3[] {
  const f = normalize(forward);
  const r = normalize(cross(f, up));
  const u = cross(r, f);
  const c = boundsCenter(b);
  const out: Vec3[] = [];
  for (let i = 0; i < 8; i++) {
    const p: Vec3 = [
      (i & 1 ? b.max[0] : b.min[0]) - c[0],
      (i & 2 ? b.max[1] : b.min[1]) - c[1],
      (i & 4 ? b.max[2] : b.min[2]) - c[2],
    ];
    out.push([dot(p, r), dot(p, u), dot(p, f)]);
  }
  return out;
}

/** Distance from the box centre to a perspective camera that sees every corner. */
export function fitPerspectiveDistance(b: Bounds, v: FitView): number {
  const m = 1 + (v.margin ?? 0.05);
  const tanV = Math.tan((v.fovDeg * Math.PI) / 360);
  const tanH = tanV * v.aspect;
  const extent = Math.max(...b.max.map((hi, i) => hi - (b.min[i] ?? 0)), 1000);
  // A sane minimum for a point-like box.
  let d = 1000;
  for (const [x, y, depth] of cornersInView(b, v.forward, v.up)) {
    // A corner at depth `depth` behind the centre is d + depth in front of the camera; it is in
    // view when |x| <= tanH (d + depth) and |y| <= tanV (d + depth), and it must stay clearly in
    // front of the camera.
    d = Math.max(
      d,
      (m * Math.abs(x)) / tanH - depth,
      (m * Math.abs(y)) / tanV - depth,
      extent * 0.01 - depth,
    );
  }
  return d;
}

/** Half the visible height (nm) an orthographic camera needs to see every corner. */
export function fitOrthoHalfHeight(b: Bounds, v: Omit<FitView, 'fovDeg'>): number {
  const m = 1 + (v.margin ?? 0.05);
  let h = 0;
  for (const [x, y] of cornersInView(b, v.forward, v.up)) {
    h = Math.max(h, m * Math.abs(y), (m * Math.abs(x)) / v.aspect);
  }
  return Math.max(h, 500);
}
