import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { FOV, framePose, projectedReach } from './camera-math.ts';

describe('projectedReach', () => {
  const box = {
    min: [0, 0, 0] as [number, number, number],
    max: [116_000, 78_000, 72_000] as [number, number, number],
  };

  function framedCamera() {
    const camera = new THREE.PerspectiveCamera(FOV, 800 / 600, 1, 1e7);
    const pose = framePose('xy', box, 600, 800 / 600);
    camera.position.set(...pose.position);
    camera.up.set(...pose.up);
    camera.lookAt(new THREE.Vector3(...pose.target));
    camera.updateMatrixWorld();
    return camera;
  }

  it('is just under 1 for the box a view was framed on (its 5 % margin)', () => {
    const reach = projectedReach(box, framedCamera());
    expect(reach).toBeGreaterThan(0.9);
    expect(reach).toBeLessThan(0.99);
  });

  it('passes 1 for a box grown out of the view, and drops for a much smaller one', () => {
    const camera = framedCamera();
    expect(
      projectedReach({ min: [-20_000, 0, 0], max: [116_000, 78_000, 72_000] }, camera),
    ).toBeGreaterThan(1);
    expect(
      projectedReach({ min: [50_000, 30_000, 30_000], max: [60_000, 40_000, 40_000] }, camera),
    ).toBeLessThan(0.3);
  });
});
