// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Bounds } from '../geometry/scene-model.ts';
import { CameraController, type BoundsSource } from './camera-controller.ts';
import { unionBounds } from './framing.ts';
import { ViewerHandle } from './viewer-handle.ts';

const whole: Bounds = { min: [0, 0, 0], max: [100_000, 60_000, 40_000] };
const first: Bounds = { min: [0, 0, 0], max: [10_000, 8_000, 5_000] };
/** A tenth of `whole`, at its centre. */
const middle: Bounds = { min: [45_000, 27_000, 18_000], max: [55_000, 33_000, 22_000] };

/** A controller attached to a 800 × 600 viewport, with bounds read from `state`. */
function controller(state: { visible: Bounds | null; expected: Bounds | null }) {
  const rig = new CameraController(new ViewerHandle(), null, 'perspective');
  rig.resize(800, 600);
  rig.attach(document.createElement('div'), 'perspective', () => undefined);
  const source: BoundsSource = {
    all: () => state.visible,
    visible: () => state.visible,
    expected: () => state.expected,
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
