import { describe, expect, it } from 'vitest';
import { findPaths, undirected } from './circuit-paths.ts';

// Gap junctions stored once per pair, in whichever direction the partner table listed them:
// 1 – 2 (3 junctions, stored 2 → 1), 2 – 3 (2, stored 2 → 3), 1 – 4 (1, stored 4 → 1), 4 – 3 (5).
const stored = new Map([
  [
    2,
    new Map([
      [1, 3],
      [3, 2],
    ]),
  ],
  [
    4,
    new Map([
      [1, 1],
      [3, 5],
    ]),
  ],
]);
const q = { sources: [1], targets: [3], maxHops: 3, minSynapses: 1 };

describe('undirected paths (gap junctions)', () => {
  it('finds nothing from 1 when hops must follow the stored direction', () => {
    expect(findPaths(stored, q).paths).toEqual([]);
  });

  it('lets a hop go either way once the adjacency is undirected', () => {
    const paths = findPaths(undirected(stored), q).paths;
    expect(paths.map((p) => p.neurons)).toEqual([
      [1, 2, 3],
      [1, 4, 3],
    ]);
    expect(paths.map((p) => p.hops)).toEqual([
      [3, 2],
      [1, 5],
    ]);
  });

  it('applies the per-hop threshold in both directions and never revisits a neuron', () => {
    const paths = findPaths(undirected(stored), { ...q, minSynapses: 2 }).paths;
    expect(paths.map((p) => p.neurons)).toEqual([[1, 2, 3]]);
    // Longer detours (1 – 2 – 3 – 4 …) would need 4 twice or end past B: none.
    expect(findPaths(undirected(stored), { ...q, maxHops: 6 }).paths).toHaveLength(2);
  });

  it('keeps the larger count when both directions are stored', () => {
    const both = new Map([
      [1, new Map([[2, 2]])],
      [2, new Map([[1, 4]])],
    ]);
    const u = undirected(both);
    expect(u.get(1)?.get(2)).toBe(4);
    expect(u.get(2)?.get(1)).toBe(4);
  });
});
