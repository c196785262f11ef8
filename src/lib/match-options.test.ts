import { describe, expect, it } from 'vitest';
import { indexOptions, matchOptions } from './match-options.ts';

describe('option matching', () => {
  const index = indexOptions(
    ['PN', 'uPN', 'mPN right', 'KC-ab', 'papers', 'ORN (putative)', 'pn-like'],
    (s) => s,
  );

  it('ranks prefix, then word-start, then substring matches', () => {
    expect(matchOptions(index, 'pn')).toEqual(['PN', 'pn-like', 'uPN', 'mPN right']);
    expect(matchOptions(index, 'put')).toEqual(['ORN (putative)']);
    expect(matchOptions(index, 'right')).toEqual(['mPN right']);
  });

  it('returns the first options for an empty query, capped', () => {
    expect(matchOptions(index, '  ', 3)).toEqual(['PN', 'uPN', 'mPN right']);
  });

  it('treats regex characters literally', () => {
    expect(matchOptions(index, '(pu')).toEqual(['ORN (putative)']);
    expect(matchOptions(index, '.*')).toEqual([]);
  });

  it('stays fast on 16,000 options', () => {
    const many = indexOptions(
      Array.from({ length: 16_000 }, (_, i) => `annotation ${i} neuron type ${i % 97}`),
      (s) => s,
    );
    const started = performance.now();
    for (let i = 0; i < 20; i++) matchOptions(many, `type ${i}`);
    // Not a timing assertion on the machine (benchmarks live in npm run bench): a sanity bound
    // that only catches an accidental quadratic scan.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
