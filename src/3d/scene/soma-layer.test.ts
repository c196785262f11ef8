import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { SceneCreationTimes } from '../geometry/scene-creation-times.ts';
import { SceneModel } from '../geometry/scene-model.ts';
import { buildSkeletonPiece } from '../geometry/skeleton-piece.ts';
import { SomaLayer } from './soma-layer.ts';

function addNeuron(model: SceneModel, skid: number) {
  const d = decodeCompactDetail(
    [[[skid * 10, null, 3, skid, 0, 0, 800, 5]], [], { soma: [skid * 10] }],
    skid,
  );
  model.add(d, buildSkeletonPiece(d));
}

describe('SomaLayer', () => {
  it('grows its capacity by doubling and writes only the new somata in between', () => {
    const model = new SceneModel();
    const layer = new SomaLayer(new THREE.MeshBasicMaterial());
    expect(layer.sync(model)).toBe(false);
    for (let i = 1; i <= 3; i++) addNeuron(model, i);
    expect(layer.sync(model)).toBe(true);
    const first = layer.group.children[0] as THREE.InstancedMesh;
    expect(first.count).toBe(3);
    expect(first.instanceMatrix.count).toBe(64);
    for (let i = 4; i <= 64; i++) addNeuron(model, i);
    layer.sync(model);
    expect(layer.group.children[0]).toBe(first); // 64 still fit
    addNeuron(model, 65);
    layer.sync(model);
    const grown = layer.group.children[0] as THREE.InstancedMesh;
    expect(layer.group.children).toHaveLength(1);
    expect(grown).not.toBe(first);
    expect(grown.count).toBe(65);
    expect(grown.instanceMatrix.count).toBe(128);
    // Instance 64 (skeleton 65): at x = 65 nm with the node's radius as its scale.
    const m = new THREE.Matrix4();
    grown.getMatrixAt(64, m);
    const p = new THREE.Vector3().setFromMatrixPosition(m);
    expect(p.x).toBe(65);
    expect(new THREE.Vector3().setFromMatrixScale(m).x).toBeCloseTo(800);
    const info = grown.geometry.getAttribute('aSoma');
    expect(info.getX(64)).toBe(64); // the slot
    expect(layer.sync(model)).toBe(false);
  });

  it('colours a soma by its node’s creation-time code, re-read when the codes change', () => {
    const model = new SceneModel();
    const layer = new SomaLayer(new THREE.MeshBasicMaterial());
    addNeuron(model, 1);
    addNeuron(model, 2);
    layer.sync(model);
    const mesh = layer.group.children[0] as THREE.InstancedMesh;
    const time = mesh.geometry.getAttribute('aSomaTime');
    expect([time.getX(0), time.getX(1)]).toEqual([0, 0]); // unknown until fetched
    const history = (skid: number, t: string) =>
      decodeCompactDetail([[[skid * 10, null, 3, skid, 0, 0, 800, 5, t, t, 1]], [], {}], skid);
    const times = new SceneCreationTimes();
    times.set(
      new Map([
        [1, history(1, '2026-10-19 09:00:00+00:00')],
        [2, history(2, '2026-10-20 09:00:00+00:00')],
      ]),
    );
    expect(times.apply(model)).toBe(true);
    layer.refreshTimes(model);
    expect([time.getX(0), time.getX(1)]).toEqual([1, 65535]); // oldest, newest
  });
});
