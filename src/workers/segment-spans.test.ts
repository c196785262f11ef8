import { describe, expect, it } from 'vitest';
import { spansOf } from './segment-spans.ts';

const at = (offset: number, length: number, id: number) => ({ id, ref: { offset, length } });

describe('spansOf', () => {
  it('reads near copies together and far ones apart, in file order', () => {
    const spans = spansOf([at(1_000, 100, 3), at(0, 100, 1), at(150, 50, 2)], 100);
    expect(spans.map((s) => [s.from, s.to, s.items.map((i) => i.id)])).toEqual([
      [0, 200, [1, 2]],
      [1_000, 1_100, [3]],
    ]);
  });

  it('a gap of exactly maxGap is read through; one byte more is not', () => {
    expect(spansOf([at(0, 10, 1), at(20, 10, 2)], 10)).toHaveLength(1);
    expect(spansOf([at(0, 10, 1), at(21, 10, 2)], 10)).toHaveLength(2);
  });

  it('nothing asked, nothing read', () => {
    expect(spansOf([])).toEqual([]);
  });
});
