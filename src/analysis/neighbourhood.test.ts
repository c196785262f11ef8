import { describe, expect, it } from 'vitest';
import type { ConfidenceBins, PartnerRecord } from '../api/connectivity.ts';
import { expandNeighbourhood, neighbourhoodCsv, nextCircle } from './neighbourhood.ts';

const b = (n: number, lowConfidence = 0): ConfidenceBins => [lowConfidence, 0, 0, 0, n];
/** Downstream edges of a hand-made circuit: 1→10 (4), 1→11 (1), 2→11 (1), 10→20 (3), 11→20 (2), 10→1 (5). */
const edges: [number, number, number][] = [
  [1, 10, 4],
  [1, 11, 1],
  [2, 11, 1],
  [10, 20, 3],
  [11, 20, 2],
  [10, 1, 5],
];
function downstreamOf(ids: readonly number[]): PartnerRecord[] {
  const by = new Map<number, Map<number, ConfidenceBins>>();
  for (const [pre, post, n] of edges) {
    if (!ids.includes(pre)) continue;
    const m = by.get(post) ?? new Map<number, ConfidenceBins>();
    m.set(pre, b(n));
    by.set(post, m);
  }
  return [...by].map(([partnerId, bins]) => ({ partnerId, nodeCount: 10, bins }));
}

describe('nextCircle', () => {
  it('needs the threshold with one single member, not summed over the circle', () => {
    // 11 has 1 + 1 synapses from {1, 2}: summed 2, but no single member reaches 2.
    const next = nextCircle(downstreamOf([1, 2]), [1, 2], 2, new Set([1, 2]));
    expect(next.map((m) => m.id)).toEqual([10]);
    const loose = nextCircle(downstreamOf([1, 2]), [1, 2], 1, new Set([1, 2]));
    expect(loose).toEqual([
      { id: 10, synapses: 4, strongest: 4, from: [[1, 4]] },
      {
        id: 11,
        synapses: 2,
        strongest: 1,
        from: [
          [1, 1],
          [2, 1],
        ],
      },
    ]);
  });
  it('counts only connections at the confidence asked for', () => {
    const partners: PartnerRecord[] = [
      { partnerId: 5, nodeCount: 3, bins: new Map([[1, b(1, 3)]]) },
    ];
    expect(nextCircle(partners, [1], 2, new Set(), 1).map((m) => m.id)).toEqual([5]);
    expect(nextCircle(partners, [1], 2, new Set(), 2)).toEqual([]);
  });
});

describe('expandNeighbourhood', () => {
  it('grows hop by hop with a threshold per hop and never revisits', async () => {
    const hops = await expandNeighbourhood([1], [1, 2], async (ids) => downstreamOf(ids));
    expect(hops.map((h) => h.members.map((m) => m.id))).toEqual([[10, 11], [20]]);
    // 10 → 1 goes back to the seed: not a new member.
    expect(hops[1]?.members[0]).toEqual({
      id: 20,
      synapses: 5,
      strongest: 3,
      from: [
        [10, 3],
        [11, 2],
      ],
    });
    const strict = await expandNeighbourhood([1], [1, 4], async (ids) => downstreamOf(ids));
    expect(strict.map((h) => h.members.length)).toEqual([2, 0]);
  });
  it('exports a row per member', async () => {
    const hops = await expandNeighbourhood([1], [1, 1], async (ids) => downstreamOf(ids));
    const csv = neighbourhoodCsv(hops, 'downstream', new Map([[20, 'MBON x']]));
    expect(csv.trim().split(/\r?\n/)).toHaveLength(4);
    expect(csv).toContain('downstream,2,20,MBON x,5,3');
  });
});
