import { describe, expect, it } from 'vitest';
import { matrixCsv, thresholded } from './matrix-csv.ts';

const counts = new Map([
  [1, new Map([[2, 5]])],
  [2, new Map([[1, 1]])],
]);

describe('matrix CSV', () => {
  it('applies order and threshold, zeros included', () => {
    expect(thresholded(counts, [2, 1], 2)).toEqual([
      [0, 0],
      [5, 0],
    ]);
    expect(matrixCsv(counts, [1, 2], new Map([[1, 'A, left']]), 1).split('\r\n')).toEqual([
      'presynaptic \\ postsynaptic,"A, left (1)",2 (2)',
      '"A, left (1)",0,5',
      '2 (2),1,0',
      '',
    ]);
  });
});
