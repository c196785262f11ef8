import { describe, expect, it } from 'vitest';
import type { ConfidenceBins, PartnerRecord } from '../api/connectivity.ts';
import { buildPartnerTable, countAtConfidence, defaultPartnerFilter } from './partner-table.ts';

const b = (...v: number[]): ConfidenceBins => [
  v[0] ?? 0,
  v[1] ?? 0,
  v[2] ?? 0,
  v[3] ?? 0,
  v[4] ?? 0,
];
const rec = (id: number, nodes: number, bins: [number, ConfidenceBins][]): PartnerRecord => ({
  partnerId: id,
  nodeCount: nodes,
  bins: new Map(bins),
});

// Two sources, 1 and 2. Hand-computed counts per confidence ≥ 1 / ≥ 3 / ≥ 5:
//   A (10): s1 = 0,0,1,0,4 → 5 / 5 / 4   s2 = 2,0,0,0,0 → 2 / 0 / 0
//   B (11): s1 = 0,0,0,0,1 → 1 / 1 / 1
//   C (12): s2 = 0,3,0,0,3 → 6 / 3 / 3
//   D (13, one node): s1 = 0,0,0,0,9 → 9, s2 = 0,0,0,0,1 → 1
const partners: PartnerRecord[] = [
  rec(10, 50, [
    [1, b(0, 0, 1, 0, 4)],
    [2, b(2)],
  ]),
  rec(11, 80, [[1, b(0, 0, 0, 0, 1)]]),
  rec(12, 20, [[2, b(0, 3, 0, 0, 3)]]),
  rec(13, 1, [
    [1, b(0, 0, 0, 0, 9)],
    [2, b(0, 0, 0, 0, 1)],
  ]),
];
const names = new Map([
  [10, 'PN alpha'],
  [11, 'KC beta'],
  [12, 'LN gamma'],
  [13, 'fragment'],
]);
const annotations = new Map([
  [10, ['uPN', 'left']],
  [11, ['KC']],
  [12, ['LN', 'left']],
  [13, []],
]);
const base = { ...defaultPartnerFilter, sources: [1, 2] };
const lookups = { names, annotations };

describe('countAtConfidence', () => {
  it('sums the bins at and above the minimum confidence', () => {
    expect(countAtConfidence(b(1, 2, 3, 4, 5), 1)).toBe(15);
    expect(countAtConfidence(b(1, 2, 3, 4, 5), 3)).toBe(12);
    expect(countAtConfidence(b(1, 2, 3, 4, 5), 5)).toBe(5);
    expect(countAtConfidence(undefined, 1)).toBe(0);
  });
});

describe('buildPartnerTable', () => {
  it('OR, no thresholds: every partner, per-source counts, totals', () => {
    const t = buildPartnerTable(partners, base, lookups);
    expect(t.rows.map((r) => [r.partnerId, r.counts, r.total])).toEqual([
      [13, [9, 1], 10],
      [10, [5, 2], 7],
      [12, [0, 6], 6],
      [11, [1, 0], 1],
    ]);
    expect(t.columnTotals).toEqual([15, 9]);
    expect(t.total).toBe(24);
  });

  it('confidence ≥ 3 recomputes cells, drops emptied partners and totals follow', () => {
    const t = buildPartnerTable(partners, { ...base, minConfidence: 3 }, lookups);
    expect(t.rows.map((r) => [r.partnerId, r.counts])).toEqual([
      [13, [9, 1]],
      [10, [5, 0]],
      [12, [0, 3]],
      [11, [1, 0]],
    ]);
    expect(t.columnTotals).toEqual([15, 4]);
    expect(t.total).toBe(19);
  });

  it('threshold is per source (OR: any source reaches it)', () => {
    const t = buildPartnerTable(partners, { ...base, minSynapses: 6 }, lookups);
    expect(t.rows.map((r) => r.partnerId)).toEqual([13, 12]);
    // Cells below the threshold of a kept partner still count (they are shown).
    expect(t.columnTotals).toEqual([9, 7]);
    expect(t.total).toBe(16);
  });

  it('AND keeps partners of every source, with the threshold on each', () => {
    expect(
      buildPartnerTable(partners, { ...base, op: 'AND' }, lookups).rows.map((r) => r.partnerId),
    ).toEqual([13, 10]);
    const t = buildPartnerTable(partners, { ...base, op: 'AND', minSynapses: 2 }, lookups);
    expect(t.rows.map((r) => r.partnerId)).toEqual([10]);
    expect(t.total).toBe(7);
    expect(
      buildPartnerTable(partners, { ...base, op: 'AND', minConfidence: 3 }, lookups).rows.map(
        (r) => r.partnerId,
      ),
    ).toEqual([13]);
  });

  it('partner size, name and annotation filters', () => {
    expect(buildPartnerTable(partners, { ...base, minPartnerNodes: 2 }, lookups).total).toBe(14);
    const byName = buildPartnerTable(partners, { ...base, text: 'pn' }, lookups);
    expect(byName.rows.map((r) => r.partnerId)).toEqual([10]);
    expect(byName.total).toBe(7);
    const byAnnotation = buildPartnerTable(
      partners,
      { ...base, text: 'LEFT', textTarget: 'annotation' },
      lookups,
    );
    expect(byAnnotation.rows.map((r) => r.partnerId)).toEqual([10, 12]);
    expect(byAnnotation.columnTotals).toEqual([5, 8]);
  });

  it('a source subset only counts those sources', () => {
    const t = buildPartnerTable(partners, { ...base, sources: [2] }, lookups);
    expect(t.rows.map((r) => [r.partnerId, r.total])).toEqual([
      [12, 6],
      [10, 2],
      [13, 1],
    ]);
    expect(buildPartnerTable(partners, { ...base, sources: [] }, lookups).rows).toEqual([]);
  });
});
