import { describe, expect, it } from 'vitest';
import {
  orderByClustering,
  orderByGroup,
  orderByName,
  splittingAnnotations,
} from './matrix-order.ts';

const names = new Map([
  [1, 'b'],
  [2, 'a'],
  [3, 'd'],
  [4, 'c'],
]);

describe('matrix orders', () => {
  it('by name', () => expect(orderByName([1, 2, 3, 4], names)).toEqual([2, 1, 4, 3]));

  it('by annotation group, then name; the default groups split the set', () => {
    const ann = new Map([
      [1, ['PN', 'left']],
      [2, ['KC', 'left']],
      [3, ['PN', 'left']],
      [4, ['left']],
    ]);
    expect(splittingAnnotations([1, 2, 3, 4], ann)).toEqual(['PN', 'KC']);
    const g = orderByGroup([1, 2, 3, 4], names, ann, ['PN', 'KC']);
    expect(g.order).toEqual([1, 3, 2, 4]);
    expect(g.groupOf.get(4)).toBe('(other)');
  });

  it('clustering puts neurons with the same partners next to each other', () => {
    // 1 and 3 both synapse onto 2; 4 onto nothing but receives from 2.
    const counts = new Map([
      [1, new Map([[2, 5]])],
      [3, new Map([[2, 4]])],
      [2, new Map([[4, 3]])],
    ]);
    const order = orderByClustering([1, 2, 3, 4], counts, names);
    expect(Math.abs(order.indexOf(1) - order.indexOf(3))).toBe(1);
    expect(order).toHaveLength(4);
  });
});
