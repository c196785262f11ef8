import { describe, expect, it } from 'vitest';
import { fitToFrame, LAYOUT_MARGIN, layoutGraph } from './graph-layout.ts';

describe('layoutGraph', () => {
  it('places every node inside the box, deterministically, apart from each other', () => {
    const ids = [1, 2, 3, 4, 5];
    const edges = [
      { source: 1, target: 2, weight: 10 },
      { source: 2, target: 3, weight: 1 },
      { source: 4, target: 1, weight: 3 },
    ];
    const a = layoutGraph(ids, edges, 800, 600);
    expect(a).toEqual(layoutGraph(ids, edges, 800, 600));
    for (const n of a) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(800);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(600);
    }
    const [p, q] = a;
    expect(Math.hypot((p?.x ?? 0) - (q?.x ?? 0), (p?.y ?? 0) - (q?.y ?? 0))).toBeGreaterThan(20);
    expect(layoutGraph([7], [], 400, 300)).toEqual([{ id: 7, x: 200, y: 150 }]);
  });
});

describe('fit to the frame', () => {
  // 20 neurons: 3 sources, each wired to some of 17 partners, a few partners wired to each other.
  const ids = Array.from({ length: 20 }, (_, i) => 100 + i);
  const edges = ids
    .slice(3)
    .flatMap((id, i) => [
      { source: 100 + (i % 3), target: id, weight: 1 + (i % 7) },
      ...(i % 4 === 0 ? [{ source: id, target: 101, weight: 2 }] : []),
    ]);

  it('puts every node inside the frame and fills ≥ 80 % of its smaller side', () => {
    for (const [w, h] of [
      [900, 620],
      [620, 900],
      [400, 400],
    ] as const) {
      const nodes = layoutGraph(ids, edges, w, h);
      const xs = nodes.map((n) => n.x);
      const ys = nodes.map((n) => n.y);
      for (const n of nodes) {
        expect(n.x).toBeGreaterThanOrEqual(0);
        expect(n.x).toBeLessThanOrEqual(w);
        expect(n.y).toBeGreaterThanOrEqual(0);
        expect(n.y).toBeLessThanOrEqual(h);
      }
      const side = Math.min(w, h);
      const spanX = Math.max(...xs) - Math.min(...xs);
      const spanY = Math.max(...ys) - Math.min(...ys);
      expect(spanX).toBeGreaterThanOrEqual(0.8 * side);
      expect(spanY).toBeGreaterThanOrEqual(0.8 * side);
    }
  });

  it('a small, tight layout is scaled up, not drawn at its own size', () => {
    const tight = [
      { id: 1, x: 10, y: 10 },
      { id: 2, x: 12, y: 11 },
      { id: 3, x: 11, y: 13 },
    ];
    const fit = fitToFrame(tight, 900, 620);
    const ys = fit.map((n) => n.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(620 - 2 * LAYOUT_MARGIN.y);
    expect(fitToFrame([{ id: 1, x: 5, y: 5 }], 900, 620)).toEqual([{ id: 1, x: 450, y: 310 }]);
  });
});
