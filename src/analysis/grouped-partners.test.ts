import { describe, expect, it } from 'vitest';
import type { ConfidenceBins, PartnerRecord } from '../api/connectivity.ts';
import { groupAnnotationMap, groupsOfSkeletons } from './cell-groups.ts';
import {
  allSynapses,
  fractionsCsv,
  groupPartnerRows,
  groupedPartnersCsv,
  neuronFractions,
  OTHER_GROUP,
} from './grouped-partners.ts';
import { buildPartnerTable, defaultPartnerFilter } from './partner-table.ts';

const b = (n: number): ConfidenceBins => [0, 0, 0, 0, n];
// Upstream of sources 1 and 2: PNs 10 (6 onto 1), 11 (3 onto 1, 1 onto 2), LN 20 (2 onto 2),
// KC 30 (1 onto 1), unannotated 40 (4 onto 2).
const partners: PartnerRecord[] = [
  { partnerId: 10, nodeCount: 9, bins: new Map([[1, b(6)]]) },
  {
    partnerId: 11,
    nodeCount: 9,
    bins: new Map([
      [1, b(3)],
      [2, b(1)],
    ]),
  },
  { partnerId: 20, nodeCount: 9, bins: new Map([[2, b(2)]]) },
  { partnerId: 30, nodeCount: 9, bins: new Map([[1, b(1)]]) },
  { partnerId: 40, nodeCount: 9, bins: new Map([[2, b(4)]]) },
];
// Hierarchy: cell type (100) → PN (101) → uPN (104); LN (102); KC (103).
const hierarchy = {
  names: new Map([
    [100, 'cell type'],
    [101, 'PN'],
    [102, 'LN'],
    [103, 'KC'],
    [104, 'uPN'],
  ]),
  children: new Map([
    [100, [101, 102, 103]],
    [101, [104]],
  ]),
};
const annotationsOf = new Map([
  [10, [{ id: 104 }]],
  [11, [{ id: 101 }, { id: 999 }]],
  [20, [{ id: 102 }]],
  [30, [{ id: 103 }]],
  [40, [{ id: 999 }]],
]);
const groupOf = groupsOfSkeletons(
  [10, 11, 20, 30, 40],
  annotationsOf,
  groupAnnotationMap(hierarchy, 100),
  'cell type',
);

describe('cell groups', () => {
  it('puts sub-annotated neurons in their top group and the rest in "no <meta>"', () => {
    expect(Object.fromEntries(groupOf)).toEqual({
      10: 'PN',
      11: 'PN',
      20: 'LN',
      30: 'KC',
      40: 'no cell type',
    });
  });
});

describe('groupPartnerRows', () => {
  it('sums partners and synapses per group, as a fraction of all input', () => {
    const table = buildPartnerTable(
      partners,
      { ...defaultPartnerFilter, sources: [1, 2] },
      { names: new Map() },
    );
    const denominator = allSynapses(partners, [1, 2], 1);
    expect(denominator).toBe(17);
    const groups = groupPartnerRows(table.rows, groupOf, denominator, 'no cell type');
    expect(groups.map((g) => [g.group, g.partners.length, g.synapses])).toEqual([
      ['PN', 2, 10],
      ['no cell type', 1, 4],
      ['LN', 1, 2],
      ['KC', 1, 1],
    ]);
    expect(groups.reduce((s, g) => s + g.fraction, 0)).toBeCloseTo(1, 12);
    expect(groups[0]?.fraction).toBeCloseTo(10 / 17, 12);
    expect(groups[0]?.partners.map((r) => r.partnerId)).toEqual([10, 11]);
    const csv = groupedPartnersCsv(groups, 'upstream', new Map());
    expect(csv).toContain('upstream,PN,2,10,0.5882');
  });
  it('keeps the denominator when a threshold hides partners', () => {
    const table = buildPartnerTable(
      partners,
      { ...defaultPartnerFilter, sources: [1, 2], minSynapses: 3 },
      { names: new Map() },
    );
    const groups = groupPartnerRows(table.rows, groupOf, allSynapses(partners, [1, 2], 1), 'x');
    expect(groups.map((g) => g.group)).toEqual(['PN', 'no cell type']);
    expect(groups.reduce((s, g) => s + g.fraction, 0)).toBeCloseTo(14 / 17, 12);
  });
});

describe('neuronFractions', () => {
  it('splits one neuron’s inputs by group; fractions add to 1', () => {
    const f = neuronFractions(1, partners, groupOf, 'none');
    expect(f.total).toBe(10);
    expect(f.bins).toEqual([
      { group: 'PN', synapses: 9, fraction: 0.9 },
      { group: 'KC', synapses: 1, fraction: 0.1 },
    ]);
  });
  it('pools groups below the threshold into "other", last', () => {
    const f = neuronFractions(2, partners, groupOf, 'no cell type', { minSynapses: 2 });
    expect(f.bins.map((x) => [x.group, x.synapses])).toEqual([
      ['no cell type', 4],
      ['LN', 2],
      [OTHER_GROUP, 1],
    ]);
    expect(f.bins.reduce((s, x) => s + x.fraction, 0)).toBeCloseTo(1, 12);
    expect(fractionsCsv([f], 'inputs', new Map([[2, 'PN b']]))).toContain(
      '2,PN b,inputs,other,1,0.1429,7',
    );
  });
  it('has no bins for a neuron without synapses', () => {
    expect(neuronFractions(3, partners, groupOf, 'none')).toEqual({
      skeletonId: 3,
      total: 0,
      bins: [],
    });
  });
});
