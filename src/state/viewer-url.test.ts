import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from './url-state.ts';
import {
  defaultViewerState,
  parseViewerUrl,
  writeViewerUrl,
  type ViewerUrlState,
} from './viewer-url.ts';

const parse = (q: string) => parseViewerUrl(new URLSearchParams(q));

describe('3D view options in the URL', () => {
  it('round-trips every option through the whole URL state', () => {
    const viewer: ViewerUrlState = {
      colourMode: 'strahler',
      layers: { pre: false, post: true, soma: false, scale: true, axes: false },
      background: 'black',
      projection: 'orthographic',
      volumes: [
        { id: 12, shown: true, color: '#8fa8c8', opacity: 0.2 },
        { id: 15, shown: false, color: '#c8a88f', opacity: 0.55 },
      ],
      detail: 'full',
      markerSize: 22,
    };
    const text = serializeUrlState({ ...parseUrlState(''), view: '3d', viewer });
    expect(text).toContain('vvol=12%3A8fa8c8%3A20%2C%2115%3Ac8a88f%3A55');
    expect(parseUrlState(text).viewer).toEqual(viewer);
  });

  it('writes nothing for the defaults', () => {
    const params = new URLSearchParams();
    writeViewerUrl(defaultViewerState, params);
    expect(params.toString()).toBe('');
    expect(serializeUrlState(parseUrlState('?view=3d'))).toBe('?view=3d');
  });

  it('all layers off is kept apart from "absent"', () => {
    const none = { ...defaultViewerState.layers };
    for (const k of Object.keys(none) as (keyof typeof none)[]) none[k] = false;
    const params = new URLSearchParams();
    writeViewerUrl({ ...defaultViewerState, layers: none }, params);
    expect(params.get('vlay')).toBe('-');
    expect(parseViewerUrl(params).layers).toEqual(none);
  });

  it('falls back to defaults on garbled values and never throws', () => {
    const garbled = parse(
      'vcol=%3Cscript%3E&vlay=%%%&vbg=purple&vproj=x&vlod=max&vmk=999&vvol=abc,12:zzzzzz:20,13:ffffff:0,14:ffffff:500',
    );
    expect(garbled).toEqual(defaultViewerState);
    expect(parse('vvol=7:ABCDEF:30,7:000000:40,x').volumes).toEqual([
      { id: 7, shown: true, color: '#abcdef', opacity: 0.3 },
    ]);
    expect(parse(`vvol=${'1:ffffff:20,'.repeat(5000)}`).volumes).toEqual([]);
    expect(() => parseUrlState('?vmk=%E0%A4%A&vvol=%')).not.toThrow();
  });
});
