import { describe, expect, it } from 'vitest';
import {
  buildRectMatrix,
  adjacencyFromPartners,
  clusterProfiles,
  groupLabelOrder,
  inputTotals,
  labelOrder,
  permute,
  rectMatrixCsv,
} from './rect-matrix.ts';

// Rows (pre) 1, 2, 3 × columns (post) 10, 11, 12. 1→10 4, 1→11 2, 2→10 6, 3→12 5, 2→12 1.
const counts = new Map([
  [
    1,
    new Map([
      [10, 4],
      [11, 2],
    ]),
  ],
  [
    2,
    new Map([
      [10, 6],
      [12, 1],
    ]),
  ],
  [3, new Map([[12, 5]])],
]);
const names = new Map([
  [1, 'PN b'],
  [2, 'PN a'],
  [3, 'LN a'],
  [10, 'KC 1'],
  [11, 'KC 2'],
  [12, 'MBON 1'],
]);
const rowGroups = new Map([
  [1, 'PN'],
  [2, 'PN'],
  [3, 'LN'],
]);
const colGroups = new Map([
  [10, 'KC'],
  [11, 'KC'],
  [12, 'MBON'],
]);

describe('buildRectMatrix', () => {
  it('gives raw counts per neuron pair, rows and columns independent', () => {
    const m = buildRectMatrix({
      counts,
      rowIds: [1, 2, 3],
      colIds: [10, 11, 12],
      names,
      aggregate: 'sum',
      value: 'raw',
    });
    expect(m.rows.labels).toEqual(['PN b', 'PN a', 'LN a']);
    expect(m.z).toEqual([
      [4, 2, 0],
      [6, 0, 1],
      [0, 0, 5],
    ]);
  });
  it('collapses groups by sum, mean and max', () => {
    const base = {
      counts,
      rowIds: [1, 2, 3],
      colIds: [10, 11, 12],
      names,
      rowGroups,
      colGroups,
      value: 'raw' as const,
    };
    const sum = buildRectMatrix({ ...base, aggregate: 'sum' });
    expect(sum.rows.keys).toEqual(['LN', 'PN']);
    expect(sum.cols.keys).toEqual(['KC', 'MBON']);
    expect(sum.rows.labels).toEqual(['LN (1)', 'PN (2)']);
    expect(sum.z).toEqual([
      [0, 5],
      [12, 1],
    ]);
    expect(buildRectMatrix({ ...base, aggregate: 'mean' }).z).toEqual([
      [0, 5],
      [3, 0.5],
    ]);
    expect(buildRectMatrix({ ...base, aggregate: 'max' }).z).toEqual([
      [0, 5],
      [6, 1],
    ]);
  });
  it('gives the fraction of each target’s input', () => {
    const targetInput = new Map([
      [10, 20],
      [11, 2],
      [12, 0],
    ]);
    const m = buildRectMatrix({
      counts,
      rowIds: [1, 2],
      colIds: [10, 11, 12],
      names,
      aggregate: 'sum',
      value: 'fraction',
      targetInput,
    });
    expect(m.z).toEqual([
      [0.2, 1, 0],
      [0.3, 0, 0],
    ]);
    expect(rectMatrixCsv(m, 'fraction')).toContain('PN b,0.2000,1.0000,0.0000');
  });
  it('orders by label and permutes rows and columns together with their cells', () => {
    const m = buildRectMatrix({
      counts,
      rowIds: [1, 2, 3],
      colIds: [10, 11, 12],
      names,
      aggregate: 'sum',
      value: 'raw',
    });
    const p = permute(m, labelOrder(m.rows), [2, 0, 1]);
    expect(p.rows.labels).toEqual(['LN a', 'PN a', 'PN b']);
    expect(p.cols.labels).toEqual(['MBON 1', 'KC 1', 'KC 2']);
    expect(p.z).toEqual([
      [5, 0, 0],
      [1, 6, 0],
      [0, 4, 2],
    ]);
  });
});

describe('clusterProfiles', () => {
  it('puts similar profiles next to each other and builds a dendrogram', () => {
    // 0 and 2 are identical, 1 and 3 are identical, the two pairs are orthogonal.
    const c = clusterProfiles([
      [1, 0, 0],
      [0, 5, 1],
      [2, 0, 0],
      [0, 10, 2],
    ]);
    const pos = (i: number) => c.order.indexOf(i);
    expect(Math.abs(pos(0) - pos(2))).toBe(1);
    expect(Math.abs(pos(1) - pos(3))).toBe(1);
    expect(c.links).toHaveLength(3);
    expect(c.maxHeight).toBeCloseTo(1, 9);
    expect(c.links.filter((l) => l.h < 1e-9)).toHaveLength(2);
  });
  it('handles a single profile', () => {
    expect(clusterProfiles([[1]])).toEqual({ order: [0], links: [], maxHeight: 0 });
  });
});

describe('matrix inputs', () => {
  it('builds row → column counts from the rows’ partner tables, at a confidence', () => {
    const partners = [
      { partnerId: 10, bins: new Map([[1, [1, 0, 0, 0, 2]]]) },
      { partnerId: 99, bins: new Map([[1, [0, 0, 0, 0, 7]]]) },
    ];
    expect(adjacencyFromPartners(partners, [10, 11])).toEqual(new Map([[1, new Map([[10, 3]])]]));
    expect(adjacencyFromPartners(partners, [10], 2)).toEqual(new Map([[1, new Map([[10, 2]])]]));
  });
  it('sums every upstream partner onto each target', () => {
    const up = [
      {
        bins: new Map([
          [10, [0, 0, 0, 0, 4]],
          [11, [0, 0, 0, 0, 1]],
        ]),
      },
      { bins: new Map([[10, [0, 0, 0, 1, 2]]]) },
    ];
    expect(inputTotals(up)).toEqual(
      new Map([
        [10, 7],
        [11, 1],
      ]),
    );
  });
  it('orders an axis by group, then label', () => {
    const m = buildRectMatrix({
      counts,
      rowIds: [1, 2, 3],
      colIds: [10],
      names,
      aggregate: 'sum',
      value: 'raw',
    });
    const order = groupLabelOrder(m.rows, (k) => rowGroups.get(Number(k)) ?? '');
    expect(order.map((i) => m.rows.labels[i])).toEqual(['LN a', 'PN a', 'PN b']);
  });
});
