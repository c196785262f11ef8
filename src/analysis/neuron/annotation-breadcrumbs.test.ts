import { describe, expect, it } from 'vitest';
import { breadcrumbs } from './annotation-breadcrumbs.ts';

describe('breadcrumbs', () => {
  it('lists every chain up to a root, root first', () => {
    const parents = new Map([
      [1, [2, 3]],
      [2, [4]],
    ]);
    expect(breadcrumbs(1, parents)).toEqual([
      [4, 2, 1],
      [3, 1],
    ]);
  });
  it('an annotation without meta-annotations is its own chain; cycles stop', () => {
    expect(breadcrumbs(5, new Map())).toEqual([[5]]);
    expect(
      breadcrumbs(
        1,
        new Map([
          [1, [2]],
          [2, [1]],
        ]),
      ),
    ).toEqual([[2, 1]]);
  });
});
