import { describe, expect, it } from 'vitest';
import { columnsFromEntities } from '../../../api/search-row-columns.ts';
import { rowsOfPage, rowsOfPages } from './rows-of-page.ts';

const page = (skid: number) =>
  columnsFromEntities(
    [
      {
        id: skid + 1,
        name: `n${skid}`,
        type: 'neuron',
        skeletonIds: [skid],
        annotations: [
          { id: 7, name: 'KC', uid: 1 },
          { id: 8, name: 'left', uid: 1 },
        ],
      },
    ],
    2,
  );

describe('rowsOfPage', () => {
  it('builds rows once per page, with one annotation object per annotation across pages', () => {
    const a = page(100);
    const b = page(200);
    const rowsA = rowsOfPage(a);
    const rowsB = rowsOfPage(b);
    expect(rowsOfPage(a)).toBe(rowsA);
    expect(rowsA).toEqual([
      {
        skeletonId: 100,
        neuronId: 101,
        name: 'n100',
        annotations: [
          { id: 7, name: 'KC' },
          { id: 8, name: 'left' },
        ],
      },
    ]);
    expect(rowsB[0]?.annotations[0]).toBe(rowsA[0]?.annotations[0]);
  });
});

describe('rowsOfPages', () => {
  it('joins the pages in order and extends the earlier rows when pages are appended', () => {
    const [a, b, c] = [page(1), page(2), page(3)];
    const ab = rowsOfPages([a, b]);
    expect(ab.map((r) => r.skeletonId)).toEqual([1, 2]);
    // A new list with the same pages: the same rows, not a copy.
    expect(rowsOfPages([a, b])).toBe(ab);
    const abc = rowsOfPages([a, b, c]);
    expect(abc.map((r) => r.skeletonId)).toEqual([1, 2, 3]);
    expect(abc[0]).toBe(ab[0]);
    // The earlier result is not changed by appending.
    expect(ab.map((r) => r.skeletonId)).toEqual([1, 2]);
  });

  it('starts again when the pages are not an extension (a refetch replaced a page)', () => {
    const [a, b, b2] = [page(1), page(2), page(5)];
    rowsOfPages([a, b]);
    expect(rowsOfPages([a, b2]).map((r) => r.skeletonId)).toEqual([1, 5]);
    expect(rowsOfPages([b2, b]).map((r) => r.skeletonId)).toEqual([5, 2]);
    expect(rowsOfPages([])).toEqual([]);
  });
});
