import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { buildSkeletonPiece } from '../geometry/skeleton-piece.ts';
import { frameState } from './frame-state.ts';
import { ViewerEngine } from './viewer-engine.ts';

const surface = { width: 800, height: 600, clear: '000000/0' };

function twoNodes(skid: number) {
  const o = skid * 10;
  const detail = decodeCompactDetail(
    [
      [
        [o + 1, null, 3, 0, 0, 0, -1, 5],
        [o + 2, o + 1, 3, 10, 0, 0, -1, 5],
      ],
      [],
      {},
      [],
      [],
    ],
    skid,
  );
  return { detail, piece: buildSkeletonPiece(detail) };
}

function setup() {
  const engine = new ViewerEngine();
  const camera = new THREE.PerspectiveCamera(50, 4 / 3, 1, 1e6);
  camera.position.set(0, 0, 1000);
  const state = () => frameState(engine, camera, surface, () => 0);
  return { engine, camera, state };
}

describe('frameState', () => {
  it('keys the same picture the same, and a moved camera or another size differently', () => {
    const { camera, state, engine } = setup();
    const key = state().key;
    expect(state().key).toBe(key);
    camera.position.x += 1;
    expect(state().key).not.toBe(key);
    const moved = state().key;
    expect(frameState(engine, camera, { ...surface, width: 801 }, () => 0).key).not.toBe(moved);
  });

  it('keys the colour mode, point size and highlight', () => {
    const { engine, state } = setup();
    const key = state().key;
    engine.setConnectorVisibility(true, true, 7);
    const sized = state().key;
    expect(sized).not.toBe(key);
    engine.colourMode = 'strahler';
    engine.palette.setMode('strahler', 4, 0, 1);
    const moded = state().key;
    expect(moded).not.toBe(sized);
    engine.palette.uniforms.uHighlight.value = 3;
    expect(state().key).not.toBe(moded);
  });

  it('ignores the depth range and Strahler maximum unless the colour mode reads them', () => {
    const { engine, state } = setup();
    const key = state().key;
    // The scene grew: its depth range and highest order changed (the selection mode reads neither).
    engine.palette.setMode('selection', 7, -50, 900);
    expect(state().key).toBe(key);
    engine.colourMode = 'depth';
    engine.palette.setMode('depth', 7, -50, 900);
    const depth = state().key;
    engine.palette.setMode('depth', 7, -60, 900);
    expect(state().key).not.toBe(depth);
  });

  it('allows frames that add only while every neuron is opaque and nothing is drawn over them', () => {
    const { engine, state } = setup();
    engine.addSkeletons([twoNodes(1), twoNodes(2)]);
    const style = (alpha: number) =>
      new Map([
        [1, { rgb: [255, 0, 0] as [number, number, number], alpha: 1 }],
        [2, { rgb: [0, 0, 255] as [number, number, number], alpha }],
      ]);
    engine.setStyles(style(1));
    engine.sync(1 << 20);
    const s = state();
    expect(s.allowed).toBe(true);
    expect(Array.from(s.growing)).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
    engine.setStyles(style(0)); // hidden: drawn nowhere, still fine
    engine.sync(1 << 20);
    expect(state().allowed).toBe(true);
    engine.setStyles(style(0.5)); // translucent: drawing it twice would darken it
    engine.sync(1 << 20);
    expect(state().allowed).toBe(false);
    engine.setStyles(style(1));
    engine.sync(1 << 20);
    engine.volumes.add(new THREE.Mesh());
    expect(state().allowed).toBe(false);
  });
});
