import { describe, expect, it } from 'vitest';
import { layoutGraph } from './graph-layout.ts';

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
