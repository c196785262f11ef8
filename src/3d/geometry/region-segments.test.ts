import { describe, expect, it } from 'vitest';
import { regionSegments } from './region-segments.ts';

// A chain of 4 nodes: 0 (root, region 0) – 1 (region 0) – 2 (outside) – 3 (region 1).
const skeleton = {
  nodeCount: 4,
  positions: Float32Array.from([0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0]),
  parentIndex: Int32Array.from([-1, 0, 1, 2]),
};
const base = {
  skeletons: [skeleton],
  nodeRegion: [Int16Array.from([0, 0, -1, 1])],
  region: 0,
  regionColours: [
    [1, 0, 0],
    [0, 1, 0],
  ] as const,
  neuronColours: [[0, 0, 1]] as const,
  outsideColour: [0.5, 0.5, 0.5] as const,
};

describe('region segments (prune by volume, for display)', () => {
  it('keeps only edges whose two nodes are inside, coloured by region', () => {
    const s = regionSegments({ ...base, keep: 'inside', colourBy: 'region' });
    expect(s.segmentCount).toBe(1);
    expect([...s.positions]).toEqual([0, 0, 0, 1, 0, 0]);
    expect([...s.colours]).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('keeps the outside part, and everything with colours per node region', () => {
    const out = regionSegments({ ...base, keep: 'outside', colourBy: 'region' });
    expect(out.segmentCount).toBe(1);
    expect([...out.positions]).toEqual([2, 0, 0, 3, 0, 0]);
    expect([...out.colours]).toEqual([0.5, 0.5, 0.5, 0, 1, 0]);
    const all = regionSegments({ ...base, keep: 'all', colourBy: 'neuron' });
    expect(all.segmentCount).toBe(3);
    expect(new Set(all.colours)).toEqual(new Set([0, 1]));
  });
});
