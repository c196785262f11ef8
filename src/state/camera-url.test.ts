import { describe, expect, it } from 'vitest';
import { parseCameraUrl, serializeCameraUrl, type CameraUrlState } from './camera-url.ts';
import { parseUrlState, serializeUrlState } from './url-state.ts';

const cam: CameraUrlState = {
  projection: 'orthographic',
  position: [1000, 2000.5, -3000],
  target: [10, 20, 30],
  up: [0, -1, 0],
  zoom: 2.5,
};

describe('camera URL state', () => {
  it('round-trips', () => {
    expect(parseCameraUrl(serializeCameraUrl(cam))).toEqual(cam);
    const persp = { ...cam, projection: 'perspective' as const, zoom: 1 };
    expect(parseCameraUrl(serializeCameraUrl(persp))).toEqual(persp);
  });

  it('normalises the up vector', () => {
    expect(parseCameraUrl('p,0,0,-10,0,0,0,0,-3,0')?.up).toEqual([0, -1, 0]);
  });

  it.each([
    null,
    undefined,
    '',
    'x',
    'q,1,2,3,4,5,6,0,1,0',
    'p,1,2,3,4,5,6,0,1',
    'p,1,2,3,4,5,6,0,1,0,1,9',
    'p,NaN,2,3,4,5,6,0,1,0',
    'p,Infinity,2,3,4,5,6,0,1,0',
    'p,1e12,2,3,4,5,6,0,1,0',
    'p,1,2,3,1,2,3,0,1,0',
    'p,1,2,3,4,5,6,0,0,0',
    'o,1,2,3,4,5,6,0,1,0,-2',
    'o,1,2,3,4,5,6,0,1,0,0',
    'p,0x10,2,3,4,5,6,0,1,0',
    'p,,2,3,4,5,6,0,1,0',
    'p,1,2,3,4,5,6,0,1,0'.repeat(40),
  ])('garbled %j parses to null (the default view)', (raw) => {
    expect(parseCameraUrl(raw)).toBeNull();
  });

  it('lives in the URL state under `cam`, garbled values give the default', () => {
    const s = parseUrlState(`?view=3d&cam=${encodeURIComponent(serializeCameraUrl(cam))}`);
    expect(s.camera).toEqual(cam);
    expect(parseUrlState(serializeUrlState(s)).camera).toEqual(cam);
    expect(parseUrlState('?view=3d&cam=p,oops').camera).toBeUndefined();
    expect(parseUrlState('?view=3d&cam=p,oops').view).toBe('3d');
    expect(parseUrlState('?view=3d').camera).toBeUndefined();
  });
});
