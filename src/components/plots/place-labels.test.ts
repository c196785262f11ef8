import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelNode } from './place-labels.ts';

const node = (id: number, x: number, y: number, text = `neuron ${id}`): LabelNode => ({
  id,
  x,
  y,
  r: 8,
  text,
});

describe('placeLabels', () => {
  it('puts a lone label to the right of its node', () => {
    const [l] = placeLabels([node(1, 100, 100)], 900, 600);
    expect(l?.visible).toBe(true);
    expect(l?.anchor).toBe('start');
    expect(l?.box.x0).toBeGreaterThan(108);
  });

  it('moves a label left when the right would leave the frame', () => {
    const [l] = placeLabels([node(1, 880, 100)], 900, 600);
    expect(l?.anchor).toBe('end');
    expect(l?.box.x1).toBeLessThan(872);
  });

  it('two close nodes: no overlapping labels, neither on a node', () => {
    const nodes = [node(1, 100, 100), node(2, 100, 112)];
    const labels = placeLabels(nodes, 900, 600);
    const [a, b] = labels;
    if (!a || !b) throw new Error('two labels expected');
    expect(a.visible && b.visible).toBe(true);
    expect(overlaps(a.box, b.box)).toBe(false);
  });

  it('hides what cannot be placed instead of overlapping', () => {
    const crowd = Array.from({ length: 30 }, (_, i) => node(i, 50 + (i % 3), 50 + (i % 5)));
    const labels = placeLabels(crowd, 200, 120);
    const shown = labels.filter((l) => l.visible);
    expect(shown.length).toBeLessThan(30);
    for (const a of shown)
      for (const b of shown) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
  });
});
