import { describe, expect, it } from 'vitest';
import { layeredLayout } from './layered-layout.ts';

describe('layeredLayout', () => {
  it('puts layer 0 left, the last layer right, and orders by the neighbours before', () => {
    const layers = new Map([
      [1, 0],
      [2, 0],
      [10, 1],
      [11, 1],
      [9, 2],
    ]);
    // 2 → 10 and 1 → 11: 11 should come first in column 1 (its source 1 is above 2).
    const edges = [
      { source: 2, target: 10, weight: 1 },
      { source: 1, target: 11, weight: 1 },
      { source: 10, target: 9, weight: 1 },
    ];
    const pos = new Map(
      layeredLayout(layers, edges, 1000, 500, { x: 100, y: 50 }).map((n) => [n.id, n]),
    );
    expect(pos.get(1)?.x).toBe(100);
    expect(pos.get(9)?.x).toBe(900);
    expect(pos.get(10)?.x).toBe(500);
    expect(pos.get(1)?.y).toBe(50);
    expect(pos.get(2)?.y).toBe(450);
    expect(pos.get(11)?.y).toBe(50);
    expect(pos.get(10)?.y).toBe(450);
    expect(pos.get(9)?.y).toBe(250);
  });
});
