import { describe, expect, it } from 'vitest';
import { columnsFromEntities } from '../../../api/search-row-columns.ts';
import { rowsOfPage } from './rows-of-page.ts';

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
