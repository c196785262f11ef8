import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { FrameAccumulation, type AccumulationInput } from './frame-accumulation.ts';

function lines(count: number): THREE.LineSegments {
  const g = new THREE.BufferGeometry();
  g.setDrawRange(0, count);
  return new THREE.LineSegments(g);
}

/** What one render call drew: per object its range, or null when hidden. */
function recorder(objects: THREE.Object3D[]) {
  const calls: { clear: boolean; drawn: ([number, number] | null)[] }[] = [];
  const render = (clear: boolean) => {
    calls.push({
      clear,
      drawn: objects.map((o) => {
        if (!o.visible) return null;
        const r = o instanceof THREE.LineSegments ? o.geometry.drawRange : { start: 0, count: 0 };
        return [r.start, r.count];
      }),
    });
    return 3;
  };
  return { calls, render };
}

describe('FrameAccumulation', () => {
  const soma = new THREE.Group();
  const input = (
    drawables: THREE.LineSegments[],
    more: Partial<AccumulationInput> = {},
  ): AccumulationInput => ({
    key: 'k',
    drawables,
    whole: [{ object: soma, version: 1 }],
    growing: new Uint8Array([1, 2, 3, 255]),
    allowed: true,
    target: () => 0,
    ...more,
  });

  it('draws the first frame from scratch, then only the ranges appended since', () => {
    const a = lines(10);
    const b = lines(4);
    const acc = new FrameAccumulation();
    const { calls, render } = recorder([a, b, soma]);
    expect(acc.draw(input([a, b]), render)).toEqual({ drawCalls: 3, added: false });
    a.geometry.setDrawRange(0, 16);
    const c = lines(6); // a new block
    const next = input([a, b, c], { growing: new Uint8Array([1, 2, 3, 255, 9, 9, 9, 255]) });
    expect(acc.canAdd(next)).toBe(true);
    const { calls: second, render: render2 } = recorder([a, b, c, soma]);
    expect(acc.draw(next, render2)).toEqual({ drawCalls: 3, added: true });
    // a: only 10..16; b unchanged: hidden; c: all of it; the unchanged somata: hidden.
    expect(second).toEqual([{ clear: false, drawn: [[10, 6], null, [0, 6], null] }]);
    expect(calls[0]?.clear).toBe(true);
    // Ranges and visibility are restored after the draw.
    expect([a.geometry.drawRange.start, a.geometry.drawRange.count]).toEqual([0, 16]);
    expect(b.visible && soma.visible).toBe(true);
  });

  it('redraws whole objects that changed in a frame that adds', () => {
    const a = lines(10);
    const acc = new FrameAccumulation();
    acc.draw(input([a]), recorder([]).render);
    a.geometry.setDrawRange(0, 12);
    const { calls, render } = recorder([a, soma]);
    acc.draw(input([a], { whole: [{ object: soma, version: 2 }] }), render);
    expect(calls).toEqual([
      {
        clear: false,
        drawn: [
          [10, 2],
          [0, 0],
        ],
      },
    ]);
  });

  it('redraws from scratch when anything but appended geometry changed', () => {
    const cases: [string, (a: THREE.LineSegments) => Partial<AccumulationInput>][] = [
      ['the key (camera, uniforms, levels)', () => ({ key: 'other' })],
      ['a colour of a slot drawn before', () => ({ growing: new Uint8Array([1, 2, 4, 255]) })],
      ['the kept pixels replaced', () => ({ target: () => 1 })],
      ['translucency or overlays', () => ({ allowed: false })],
      ['a block gone (new buffers)', () => ({ drawables: [] })],
      [
        'a range that shrank',
        (a) => {
          a.geometry.setDrawRange(0, 4);
          return {};
        },
      ],
    ];
    for (const [name, change] of cases) {
      const a = lines(10);
      const acc = new FrameAccumulation();
      acc.draw(input([a]), recorder([]).render);
      const { calls, render } = recorder([a]);
      const frame = acc.draw(input([a], change(a)), render);
      expect({ name, added: frame.added, clear: calls[0]?.clear }).toEqual({
        name,
        added: false,
        clear: true,
      });
    }
  });
});
