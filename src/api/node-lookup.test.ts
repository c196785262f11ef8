import { describe, expect, it } from 'vitest';
import { nodeLookup } from './node-lookup.ts';

describe('nodeLookup', () => {
  it('finds every id, whatever the order, and nothing else', () => {
    const cases = [
      [22601, 22602, 22603, 22604], // consecutive run
      [5, 9, 12, 400, 401], // increasing with gaps
      [9, 5, 401, 12], // any order
      [2 ** 40 + 3, 2 ** 40 + 4], // ids beyond 32 bits
      [],
    ];
    for (const ids of cases) {
      const lookup = nodeLookup(Float64Array.from(ids));
      ids.forEach((id, i) => expect(lookup.get(id)).toBe(i));
      for (const missing of [0, 6, 22600, 22605, 22601.5, -1, Number.NaN])
        expect(lookup.get(missing)).toBeUndefined();
    }
  });

  it('keeps the last index of a repeated id, as a Map would', () => {
    expect(nodeLookup(Float64Array.from([3, 4, 3])).get(3)).toBe(2);
  });
});
