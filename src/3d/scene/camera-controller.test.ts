// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Bounds } from '../geometry/scene-model.ts';
import { projectedReach } from './camera-math.ts';
import { CameraController, GROWTH_ROOM, type BoundsSource } from './camera-controller.ts';
import { scaleBounds, unionBounds } from './framing.ts';
import { ViewerHandle } from './viewer-handle.ts';

const whole: Bounds = { min: [0, 0, 0], max: [100_000, 60_000, 40_000] };
const first: Bounds = { min: [0, 0, 0], max: [10_000, 8_000, 5_000] };
/** A tenth of `whole`, at its centre. */
const middle: Bounds = { min: [45_000, 27_000, 18_000], max: [55_000, 33_000, 22_000] };

/** A controller attached to a 800 × 600 viewport, with bounds read from `state`. */
function controller(state: { visible: Bounds | null; expected: Bounds | null; growing?: boolean }) {
  const rig = new CameraController(new ViewerHandle(), null, 'perspective');
  rig.resize(800, 600);
  rig.attach(document.createElement('div'), 'perspective', () => undefined);
  const source: BoundsSource = {
    all: () => state.visible,
    visible: () => state.visible,
    expected: () => state.expected,
    growing: () => state.growing ?? false,
  };
  rig.setBoundsSource(source);
  return rig;
}

const cameraOf = (rig: CameraController) => {
  const c = rig.camera;
  return [...c.position.toArray(), c.near, c.far];
};

describe('CameraController with expected bounds', () => {
  it('frames on where the scene is expected to reach while the first neurons arrive', () => {
    const state = { visible: null as Bounds | null, expected: whole as Bounds | null };
    const rig = controller(state);
    const start = cameraOf(rig);
    state.visible = first;
    rig.boundsChanged();
    expect(cameraOf(rig), 'no re-frame on the first neurons').toEqual(start);
    state.visible = whole;
    state.expected = null;
    rig.boundsChanged();
    expect(cameraOf(rig), 'nor when all are in and the hint ends').toEqual(start);
  });

  it('without a hint re-frames on the first neurons, then on the whole scene', () => {
    const state = { visible: first as Bounds | null, expected: null as Bounds | null };
    const rig = controller(state);
    const onFirst = cameraOf(rig);
    state.visible = whole;
    rig.boundsChanged();
    expect(cameraOf(rig)).not.toEqual(onFirst);
  });

  it('re-frames once the hint ends if the scene turned out much smaller (a stale hint)', () => {
    const state = { visible: middle as Bounds | null, expected: whole as Bounds | null };
    const rig = controller(state);
    const onHint = cameraOf(rig);
    state.expected = null;
    rig.boundsChanged();
    expect(cameraOf(rig)).not.toEqual(onHint);
  });
});

/** How far the box reaches on screen (1: to the viewport's edge). */
function reachOf(rig: CameraController, b: Bounds): number {
  rig.camera.updateMatrixWorld();
  return projectedReach(b, rig.camera);
}

describe('CameraController while more neurons are coming (no expected bounds)', () => {
  it('frames with room, keeps the view as the scene grows into it, and when all are in', () => {
    const state = { visible: first as Bounds | null, expected: null, growing: true };
    const rig = controller(state);
    const framed = cameraOf(rig);
    expect(reachOf(rig, first)).toBeLessThan(0.85);
    expect(reachOf(rig, first)).toBeGreaterThan(0.75);
    // Later neurons reaching a little further (within the room) keep the view…
    state.visible = scaleBounds(first, 1.15);
    rig.boundsChanged();
    expect(cameraOf(rig), 'growth within the room').toEqual(framed);
    // …and so does the last one: the scene still fills the view well enough.
    state.growing = false;
    rig.boundsChanged();
    expect(cameraOf(rig), 'all in').toEqual(framed);
  });

  it('re-frames (with room again) when the scene outgrows the room', () => {
    const state = { visible: first as Bounds | null, expected: null, growing: true };
    const rig = controller(state);
    const framed = cameraOf(rig);
    state.visible = scaleBounds(first, GROWTH_ROOM * 1.2);
    rig.boundsChanged();
    expect(cameraOf(rig)).not.toEqual(framed);
    expect(reachOf(rig, state.visible ?? first)).toBeLessThan(0.85);
  });

  it('frames tight when nothing more is coming, or where the scene is expected to reach', () => {
    const done = controller({ visible: first, expected: null, growing: false });
    expect(reachOf(done, first)).toBeGreaterThan(0.9);
    const hinted = controller({ visible: first, expected: whole, growing: true });
    expect(reachOf(hinted, whole)).toBeGreaterThan(0.9);
  });

  it('frames tight on "Frame all" by the user, even while neurons are coming', () => {
    const state = { visible: first as Bounds | null, expected: null, growing: true };
    const rig = controller(state);
    rig.frame('xy', true);
    expect(reachOf(rig, first)).toBeGreaterThan(0.9);
  });
});

describe('scaleBounds', () => {
  it('scales the box about its centre and passes null through', () => {
    expect(scaleBounds({ min: [0, 10, -4], max: [10, 20, 4] }, 1.2)).toEqual({
      min: [-1, 9, -4.8],
      max: [11, 21, 4.8],
    });
    expect(scaleBounds(null, 2)).toBeNull();
  });
});

describe('unionBounds', () => {
  it('holds both boxes, and passes either one through when the other is missing', () => {
    expect(unionBounds(first, { min: [-5, 2, 1], max: [3, 9_000, 4] })).toEqual({
      min: [-5, 0, 0],
      max: [10_000, 9_000, 5_000],
    });
    expect(unionBounds(null, first)).toBe(first);
    expect(unionBounds(first, null)).toBe(first);
    expect(unionBounds(null, null)).toBeNull();
  });
});
