import { describe, expect, it } from 'vitest';
import { cluster, cutClusters } from './clustering.ts';
import {
  connectivitySimilarity,
  cosine,
  matchingIndex,
  symmetric,
  type PartnerVector,
} from './connectivity-similarity.ts';

const m = (e: [number, number][]) => new Map(e);

describe('pymaid matching index and cosine', () => {
  it('matching index = shared partners / partners of either', () => {
    expect(
      matchingIndex(
        m([
          [1, 3],
          [2, 1],
          [3, 5],
        ]),
        m([
          [2, 4],
          [3, 1],
          [4, 2],
        ]),
      ),
    ).toBe(2 / 4);
    expect(matchingIndex(m([]), m([]))).toBe(0);
  });

  it('cosine of the count vectors', () => {
    // a = (3, 4, 0), b = (0, 4, 3): 16 / 25.
    expect(
      cosine(
        m([
          [1, 3],
          [2, 4],
        ]),
        m([
          [2, 4],
          [3, 3],
        ]),
      ),
    ).toBeCloseTo(16 / 25, 12);
  });

  it('weights the directions by the row neuron’s share of inputs and outputs (pymaid)', () => {
    const a: PartnerVector = {
      upstream: m([
        [10, 2],
        [11, 2],
        [12, 2],
      ]),
      downstream: m([[20, 1]]),
    };
    const b: PartnerVector = {
      upstream: m([
        [10, 2],
        [11, 2],
        [12, 2],
      ]),
      downstream: m([[21, 1]]),
    };
    const s = connectivitySimilarity([a, b], {
      metric: 'matching_index',
      threshold: 1,
      upstream: true,
      downstream: true,
    });
    // A: 3 upstream and 1 downstream partner: 0.75 × 1 (same inputs) + 0.25 × 0 (no shared output).
    expect(s[0]?.[1]).toBeCloseTo(0.75, 12);
    expect(s[0]?.[0]).toBeCloseTo(1, 12);
  });

  it('drops partners below the synapse threshold', () => {
    const a: PartnerVector = {
      upstream: m([
        [10, 1],
        [11, 5],
      ]),
      downstream: m([]),
    };
    const b: PartnerVector = {
      upstream: m([
        [10, 5],
        [11, 5],
      ]),
      downstream: m([]),
    };
    const opts = { metric: 'matching_index', upstream: true, downstream: false } as const;
    expect(connectivitySimilarity([a, b], { ...opts, threshold: 1 })[0]?.[1]).toBe(1);
    expect(connectivitySimilarity([a, b], { ...opts, threshold: 2 })[0]?.[1]).toBe(0.5);
  });
});

describe('clustering', () => {
  it('puts similar neurons next to each other and cuts them into k groups', () => {
    // 0 ~ 2 and 1 ~ 3.
    const sim = symmetric([
      [1, 0.1, 0.9, 0.2],
      [0.1, 1, 0.15, 0.8],
      [0.9, 0.15, 1, 0.1],
      [0.2, 0.8, 0.1, 1],
    ]);
    const d = cluster(sim);
    expect(d).not.toBeNull();
    if (!d) return;
    const pos = (i: number) => d.order.indexOf(i);
    expect(Math.abs(pos(0) - pos(2))).toBe(1);
    expect(Math.abs(pos(1) - pos(3))).toBe(1);
    expect(d.merges).toHaveLength(3);
    const groups = cutClusters(d, 4, 2);
    expect(groups[0]).toBe(groups[2]);
    expect(groups[1]).toBe(groups[3]);
    expect(groups[0]).not.toBe(groups[1]);
  });
});
