import { describe, expect, it } from 'vitest';
import { RELATION } from '../../api/skeleton-detail.ts';
import { classifyPoints, fraction, innervation, type InnervationInput } from './innervation.ts';
import { firstRegion, regionMatrix } from './region-matrix.ts';
import { partnersInVolume, selectionSynapseLinks } from './selection-synapses.ts';

/**
 * A hand-made neuron on the x axis: nodes at x = 0, 10, 20, 30, 40 (a chain rooted at 0), plus a
 * side branch node at (20, 10, 0). Connectors: pre at x = 5 and 35, post at x = 15, 25 and 45.
 */
const neuron: InnervationInput = {
  skeletonId: 7,
  positions: Float32Array.from([0, 0, 0, 10, 0, 0, 20, 0, 0, 30, 0, 0, 40, 0, 0, 20, 10, 0]),
  parentIndex: Int32Array.from([-1, 0, 1, 2, 3, 2]),
  connectors: {
    relations: Int8Array.from([
      RELATION.presynaptic,
      RELATION.presynaptic,
      RELATION.postsynaptic,
      RELATION.postsynaptic,
      RELATION.postsynaptic,
      RELATION.gapjunction,
    ]),
    positions: Float32Array.from([5, 0, 0, 35, 0, 0, 15, 0, 0, 25, 0, 0, 45, 0, 0, 1, 0, 0]),
  },
};

/** Three half-spaces that partition space along x: [-∞,12), [12,28), [28,∞). */
const slabs = [(x: number) => x < 12, (x: number) => x >= 12 && x < 28, (x: number) => x >= 28];

describe('innervation', () => {
  const per = slabs.map((inSlab) =>
    innervation(
      neuron,
      classifyPoints((x) => inSlab(x), neuron.positions),
      classifyPoints((x) => inSlab(x), neuron.connectors.positions),
    ),
  );

  it('counts nodes, cable (half per crossing edge) and synapses at the connector', () => {
    expect(per[0]?.inside).toEqual({ nodes: 2, cable: 15, pre: 1, post: 0 });
    // Node 2 (x=20) and the branch node (20,10): edges 1–2 half, 2–3 half, 2–5 full.
    expect(per[1]?.inside).toEqual({ nodes: 2, cable: 5 + 5 + 10, pre: 0, post: 2 });
    expect(per[2]?.inside).toEqual({ nodes: 2, cable: 5 + 10, pre: 1, post: 1 });
    expect(per[0]?.total).toEqual({ nodes: 6, cable: 50, pre: 2, post: 3 });
  });

  it('adds up to the neuron totals over a partition of space', () => {
    for (const key of ['nodes', 'cable', 'pre', 'post'] as const) {
      const sum = per.reduce((s, r) => s + (r?.inside[key] ?? 0), 0);
      expect(sum).toBeCloseTo(per[0]?.total[key] ?? -1, 9);
    }
    const fractions = per.map((r) => fraction(r?.inside.cable ?? 0, r?.total.cable ?? 0));
    expect(fractions.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(fraction(3, 0)).toBe(0);
  });
});

describe('region matrix', () => {
  it('counts pre-site region × partner-node region, outside as the last index', () => {
    const flagsA = Uint8Array.from([1, 0, 0, 1]);
    const flagsB = Uint8Array.from([1, 1, 0, 0]);
    // Point 0 is in both: the first region in order wins.
    expect([0, 1, 2, 3].map((i) => firstRegion([flagsA, flagsB], i))).toEqual([0, 1, -1, 0]);
    const m = regionMatrix(2, [
      { preRegion: 0, postRegion: 0 },
      { preRegion: 0, postRegion: 1 },
      { preRegion: 0, postRegion: 1 },
      { preRegion: 1, postRegion: -1 },
      { preRegion: -1, postRegion: 0 },
      { preRegion: 1, postRegion: null },
      { preRegion: 5, postRegion: null },
    ]);
    expect(m.counts).toEqual([
      [1, 2, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(m.unknownPost).toEqual([0, 1, 1]);
  });
});

describe('selection synapses by region', () => {
  const connectors = [
    // In the volume: selected 1 → 2 (selected) and 3; 4 → selected 2.
    {
      connectorId: 10,
      x: 0,
      y: 0,
      z: 0,
      links: [
        { skeletonId: 1, treenodeId: 100, relation: 'pre' as const },
        { skeletonId: 2, treenodeId: 200, relation: 'post' as const },
        { skeletonId: 3, treenodeId: 300, relation: 'post' as const },
      ],
    },
    {
      connectorId: 11,
      x: 0,
      y: 0,
      z: 0,
      links: [
        { skeletonId: 4, treenodeId: 400, relation: 'pre' as const },
        { skeletonId: 2, treenodeId: 201, relation: 'post' as const },
      ],
    },
    // Outside: selected 1 → 3 again.
    {
      connectorId: 12,
      x: 0,
      y: 0,
      z: 0,
      links: [
        { skeletonId: 1, treenodeId: 101, relation: 'pre' as const },
        { skeletonId: 3, treenodeId: 301, relation: 'post' as const },
      ],
    },
  ];
  const selection = new Set([1, 2]);

  it('lists partners with synapses inside the volume, with their totals', () => {
    const rows = partnersInVolume(connectors, Uint8Array.from([1, 1, 0]), selection);
    const byKey = Object.fromEntries(rows.map((r) => [`${r.direction}:${r.partnerId}`, r]));
    expect(Object.keys(byKey).sort()).toEqual([
      'downstream:2',
      'downstream:3',
      // Selected 2 receives from selected 1 on connector 10: selected neurons are partners too.
      'upstream:1',
      'upstream:4',
    ]);
    expect(byKey['downstream:3']).toMatchObject({ inside: 1, total: 2 });
    expect(byKey['upstream:4']).toMatchObject({ inside: 1, total: 1 });
  });

  it('builds the region matrix links: partner node region known only for loaded nodes', () => {
    const nodeRegions = new Map([[200, 1]]);
    const links = selectionSynapseLinks(connectors, Int16Array.from([0, 0, -1]), selection, (id) =>
      nodeRegions.get(id),
    );
    expect(links).toEqual([
      { preRegion: 0, postRegion: 1 },
      { preRegion: 0, postRegion: null },
      { preRegion: -1, postRegion: null },
    ]);
    expect(regionMatrix(2, links)).toEqual({
      counts: [
        [0, 1, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      unknownPost: [1, 0, 1],
    });
  });
});
