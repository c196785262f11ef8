/** Axis-view presets (CATMAID's XY, XZ, ZY) and camera framing, in project space (nm, y down). */
import * as THREE from 'three';
import type { Bounds } from '../geometry/scene-model.ts';
import {
  boundsCenter,
  boundsValid,
  fitOrthoHalfHeight,
  fitPerspectiveDistance,
} from './framing.ts';

export type AxisView = 'xy' | 'xz' | 'zy';

export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
  up: [number, number, number];
  /** Orthographic zoom (px per nm × frustum units); ignored in perspective. */
  zoom: number;
}

/** forward (view direction) and up per view; right = forward × up. */
export const AXIS_VIEWS: Record<AxisView, { forward: THREE.Vector3Tuple; up: THREE.Vector3Tuple }> =
  {
    // Looking down +z (into the stack) with y pointing down, x to the right: CATMAID's XY.
    xy: { forward: [0, 0, 1], up: [0, -1, 0] },
    // Looking along +y (from dorsal, y is down in CATMAID), x right, z up.
    xz: { forward: [0, 1, 0], up: [0, 0, 1] },
    // Looking along -x: z to the right, y down.
    zy: { forward: [-1, 0, 0], up: [0, -1, 0] },
  };

export const FOV = 40;

export function boundsSphere(b: Bounds | null): { center: THREE.Vector3; radius: number } {
  if (!b || !Number.isFinite(b.min[0]) || !Number.isFinite(b.max[0])) {
    return { center: new THREE.Vector3(0, 0, 0), radius: 50_000 };
  }
  const min = new THREE.Vector3(...b.min);
  const max = new THREE.Vector3(...b.max);
  const center = min.clone().add(max).multiplyScalar(0.5);
  return { center, radius: Math.max(min.distanceTo(max) / 2, 1000) };
}

export interface ViewDirection {
  forward: THREE.Vector3Tuple;
  up: THREE.Vector3Tuple;
}

const FALLBACK_BOUNDS: Bounds = { min: [-50_000, -50_000, -50_000], max: [50_000, 50_000, 50_000] };

/**
 * Pose that frames every corner of the bounds, looking from an axis view or along any
 * direction; `viewHeightPx` sets the orthographic zoom (the same pose serves both projections:
 * the perspective camera sits at the fitted distance, the orthographic one zooms to fit).
 */
export function framePose(
  view: AxisView | ViewDirection,
  b: Bounds | null,
  viewHeightPx: number,
  aspect: number,
): CameraPose {
  const box = boundsValid(b) ? b : FALLBACK_BOUNDS;
  const { forward, up } = typeof view === 'string' ? AXIS_VIEWS[view] : view;
  const fit = { forward, up, aspect: Math.max(aspect, 1e-3) };
  const dist = fitPerspectiveDistance(box, { ...fit, fovDeg: FOV });
  const center = new THREE.Vector3(...boundsCenter(box));
  const position = center.clone().addScaledVector(new THREE.Vector3(...forward).normalize(), -dist);
  return {
    position: position.toArray(),
    target: center.toArray(),
    up,
    zoom: viewHeightPx / (2 * fitOrthoHalfHeight(box, fit)),
  };
}

/** Clip planes that keep the whole scene visible from wherever the camera is. */
export function clipPlanes(distance: number, radius: number, ortho: boolean): [number, number] {
  if (ortho) return [distance - radius * 6, distance + radius * 6];
  return [Math.max(distance / 1000, distance - radius * 4, 1), distance + radius * 4];
}

/**
 * The same view in the other projection: orthographic zoom from the perspective distance (same
 * apparent size at the target), or the perspective distance from the orthographic zoom.
 */
export function convertPose(
  pose: CameraPose,
  to: 'perspective' | 'orthographic',
  heightPx: number,
): CameraPose {
  const tan = Math.tan((FOV * Math.PI) / 360);
  const position = new THREE.Vector3(...pose.position);
  const target = new THREE.Vector3(...pose.target);
  const dir = position.clone().sub(target);
  const dist = dir.length() || 1;
  if (to === 'orthographic') return { ...pose, zoom: heightPx / (2 * dist * tan) };
  const want = heightPx / Math.max(pose.zoom, 1e-9) / (2 * tan);
  return { ...pose, position: target.addScaledVector(dir.normalize(), want).toArray() };
}

/**
 * How far the corners of `b` reach across the viewport of `camera` (matrices up to date): the
 * largest |x| or |y| of their projections in normalised device coordinates (1: the border).
 */
export function projectedReach(b: Bounds, camera: THREE.Camera): number {
  const p = new THREE.Vector3();
  let reach = 0;
  for (const x of [b.min[0], b.max[0]])
    for (const y of [b.min[1], b.max[1]])
      for (const z of [b.min[2], b.max[2]]) {
        p.set(x ?? 0, y ?? 0, z ?? 0).project(camera);
        reach = Math.max(reach, Math.abs(p.x), Math.abs(p.y));
      }
  return Number.isFinite(reach) ? reach : Infinity;
}
