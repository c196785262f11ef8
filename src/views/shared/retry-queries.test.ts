import { describe, expect, it } from 'vitest';
import { retryFailed, retryPaged } from './retry-queries.ts';

function fakeQuery(isError: boolean, isFetchNextPageError = false) {
  const log: string[] = [];
  return {
    log,
    isError,
    isFetchNextPageError,
    refetch: () => (log.push('refetch'), Promise.resolve()),
    fetchNextPage: () => (log.push('next'), Promise.resolve()),
  };
}

describe('retry helpers', () => {
  it('refetches only the queries that failed', () => {
    const ok = fakeQuery(false);
    const bad = fakeQuery(true);
    retryFailed(ok, bad);
    expect(ok.log).toEqual([]);
    expect(bad.log).toEqual(['refetch']);
  });

  it('asks a paged query for its failed page, or page 1 when that failed', () => {
    const later = fakeQuery(true, true);
    retryPaged(later);
    expect(later.log).toEqual(['next']);
    const first = fakeQuery(true, false);
    retryPaged(first);
    expect(first.log).toEqual(['refetch']);
    const fine = fakeQuery(false);
    retryPaged(fine);
    expect(fine.log).toEqual([]);
  });
});
