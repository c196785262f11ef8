import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import type { Bounds } from '../geometry/scene-model.ts';
import { AXIS_VIEWS, FOV, framePose, type AxisView } from './camera-math.ts';
import { fitOrthoHalfHeight, fitPerspectiveDistance, type Vec3 } from './framing.ts';

function corners(b: Bounds): THREE.Vector3[] {
  return Array.from(
    { length: 8 },
    (_, i) =>
      new THREE.Vector3(
        i & 1 ? b.max[0] : b.min[0],
        i & 2 ? b.max[1] : b.min[1],
        i & 4 ? b.max[2] : b.min[2],
      ),
  );
}

/** Largest |NDC| coordinate of the corners, and whether all are in front of the camera. */
function fit(camera: THREE.Camera, b: Bounds): { max: number; inFront: boolean } {
  camera.updateMatrixWorld();
  let max = 0;
  let inFront = true;
  for (const c of corners(b)) {
    const view = c.clone().applyMatrix4(camera.matrixWorldInverse);
    if (view.z >= 0) inFront = false;
    const p = c.clone().project(camera);
    max = Math.max(max, Math.abs(p.x), Math.abs(p.y));
  }
  return { max, inFront };
}

// A flat, wide larva-like box, a tall one, a cube, and a thin one far from the origin.
const BOXES: Bounds[] = [
  { min: [0, 0, 0], max: [400_000, 80_000, 120_000] },
  { min: [-5_000, -300_000, 0], max: [5_000, 300_000, 20_000] },
  { min: [-1, -1, -1], max: [100_000, 100_000, 100_000] },
  { min: [1e6, 2e6, 3e6], max: [1.01e6, 2.3e6, 3.002e6] },
];
const ASPECTS = [0.5, 1, 16 / 9, 3];
const VIEWS = Object.keys(AXIS_VIEWS) as AxisView[];

describe('frame all (fit the bounding box corners)', () => {
  it('perspective: every corner inside the viewport, and the frame well used', () => {
    for (const b of BOXES)
      for (const aspect of ASPECTS)
        for (const view of VIEWS) {
          const pose = framePose(view, b, 600, aspect);
          const cam = new THREE.PerspectiveCamera(FOV, aspect, 1, 1e9);
          cam.position.set(...pose.position);
          cam.up.set(...pose.up);
          cam.lookAt(new THREE.Vector3(...pose.target));
          const r = fit(cam, b);
          expect(r.inFront).toBe(true);
          expect(r.max, `${view} ${aspect}`).toBeLessThanOrEqual(1);
          expect(r.max, `${view} ${aspect} uses the frame`).toBeGreaterThan(0.85);
        }
  });

  it('orthographic: every corner inside the viewport at the fitted zoom', () => {
    for (const b of BOXES)
      for (const aspect of ASPECTS)
        for (const view of VIEWS) {
          const h = 600;
          const w = h * aspect;
          const pose = framePose(view, b, h, aspect);
          const cam = new THREE.OrthographicCamera(-w / 2, w / 2, h / 2, -h / 2, -1e9, 1e9);
          cam.position.set(...pose.position);
          cam.up.set(...pose.up);
          cam.zoom = pose.zoom;
          cam.updateProjectionMatrix();
          cam.lookAt(new THREE.Vector3(...pose.target));
          const r = fit(cam, b);
          expect(r.max, `${view} ${aspect}`).toBeLessThanOrEqual(1);
          expect(r.max).toBeGreaterThan(0.85);
        }
  });

  it('fits an oblique direction too (the current view)', () => {
    const b = BOXES[0] as Bounds;
    const forward: Vec3 = [0.3, 0.5, 0.81];
    const up: Vec3 = [0, -1, 0.2];
    const d = fitPerspectiveDistance(b, { forward, up, fovDeg: FOV, aspect: 1.5 });
    const pose = framePose({ forward, up }, b, 500, 1.5);
    const center = new THREE.Vector3(...pose.target);
    expect(new THREE.Vector3(...pose.position).distanceTo(center)).toBeCloseTo(d, 3);
    const cam = new THREE.PerspectiveCamera(FOV, 1.5, 1, 1e9);
    cam.position.set(...pose.position);
    cam.up.set(...up);
    cam.lookAt(center);
    expect(fit(cam, b).max).toBeLessThanOrEqual(1);
  });

  it('a wider viewport needs no more distance, a narrower one more', () => {
    const b = BOXES[0] as Bounds;
    const v = { forward: [0, 0, 1] as Vec3, up: [0, -1, 0] as Vec3, fovDeg: FOV };
    const wide = fitPerspectiveDistance(b, { ...v, aspect: 2 });
    const narrow = fitPerspectiveDistance(b, { ...v, aspect: 0.5 });
    expect(narrow).toBeGreaterThan(wide);
    expect(fitOrthoHalfHeight(b, { ...v, aspect: 0.5 })).toBeGreaterThan(
      fitOrthoHalfHeight(b, { ...v, aspect: 2 }),
    );
  });
});
