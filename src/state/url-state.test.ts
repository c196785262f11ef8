import { describe, expect, it } from 'vitest';
import { defaultSearchState, type SearchUrlState } from './search-url.ts';
import { defaultUrlState, parseUrlState, serializeUrlState, type UrlState } from './url-state.ts';

const fullSearch: SearchUrlState = {
  name: '/^PN .* left$/',
  caseSensitive: true,
  exact: false,
  annotations: [
    { name: 'cell type', not: false, sub: true },
    { name: 'needs: review, maybe', not: true, sub: false },
  ],
  annotatedBy: [3, 5],
  dateFrom: '2025-01-01',
  dateTo: '2025-12-31',
  skeletonIds: [16, 17],
  connectivity: {
    direction: 'upstream',
    source: { kind: 'annotation', name: 'ORN' },
    minSynapses: 3,
  },
  sort: { column: 'cable', dir: 'desc' },
  region: { volumeId: 5, what: 'pre', atLeast: 2 },
};

describe('URL state', () => {
  it('round-trips every search key', () => {
    const state: UrlState = {
      ...defaultUrlState,
      view: 'connectivity',
      projectId: 7,
      search: fullSearch,
    };
    expect(parseUrlState(serializeUrlState(state))).toEqual(state);
  });

  it('round-trips a neuron partner source', () => {
    const search = {
      ...defaultSearchState,
      connectivity: {
        direction: 'downstream' as const,
        source: { kind: 'neuron' as const, skeletonId: 1084 },
        minSynapses: 1,
      },
    };
    expect(parseUrlState(serializeUrlState({ ...defaultUrlState, search })).search).toEqual(search);
  });

  it('writes nothing for the defaults', () => {
    expect(serializeUrlState(defaultUrlState)).toBe('');
  });

  it.each([
    ['', {}],
    ['?view=nonsense&pid=abc&cs=maybe', {}],
    ['?pid=1e9', {}],
    ['?view=3d&pid=-1', { view: '3d', projectId: -1 }],
    ['?%E0%A4%A=1&q=%', { search: { ...defaultSearchState, name: '%' } }],
    ['?view=stats&view=search', { view: 'stats' }],
    ['?a=&a=xyz:PN&a=:&by=abc&by=-3&from=2025-13-45&to=yesterday&ids=a,,2e3,-4', {}],
    ['?rel=sideways&of=neuron:12', {}],
    ['?rel=up&of=neuron:abc', {}],
    ['?rel=up&of=planet:mars', {}],
    ['?sort=DROP%20TABLE&dir=sideways', {}],
  ] as const)('parses garbled %s to a safe default', (search, patch) => {
    expect(parseUrlState(search)).toEqual({ ...defaultUrlState, ...patch });
  });

  it('keeps the valid parts of a partly garbled search', () => {
    const parsed = parseUrlState(
      '?a=s:PN&a=zz:bad&ids=12,x,13&rel=down&of=neuron:5&min=0&from=2025-02-30&sort=nodes',
    );
    expect(parsed.search).toEqual({
      ...defaultSearchState,
      annotations: [{ name: 'PN', not: false, sub: true }],
      skeletonIds: [12, 13],
      connectivity: {
        direction: 'downstream',
        source: { kind: 'neuron', skeletonId: 5 },
        minSynapses: 1,
      },
      sort: { column: 'nodes', dir: 'asc' },
    });
  });

  it('caps an absurdly long name query', () => {
    expect(parseUrlState(`?q=${'a'.repeat(10_000)}`).search.name).toHaveLength(2000);
  });
});
