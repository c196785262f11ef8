import { describe, expect, it } from 'vitest';
import { statusText } from './status-text.ts';
import type { SearchResults } from './use-search-results.ts';

const base: SearchResults = {
  rows: [],
  total: null,
  loaded: 0,
  loading: false,
  capped: false,
  error: null,
  notFound: [],
  regionUntested: 0,
  retry: () => undefined,
};

describe('statusText', () => {
  it('counts the matches shown', () => {
    expect(statusText(base, 12)).toBe('12 neurons match');
  });

  it('says when region candidates were left untested', () => {
    expect(statusText({ ...base, regionUntested: 250 }, 40)).toBe(
      "40 neurons match (250 neurons in the volume's bounding box were not tested: narrow the search with other criteria to test them all)",
    );
  });
});
