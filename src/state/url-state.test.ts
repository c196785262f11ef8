import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrlState, serializeUrlState, type UrlState } from './url-state.ts';

describe('URL state', () => {
  it('round-trips every key', () => {
    const state: UrlState = {
      view: 'connectivity',
      projectId: 7,
      search: { name: '/^PN .* left$/', caseSensitive: true, exact: false, page: 3 },
    };
    expect(parseUrlState(serializeUrlState(state))).toEqual(state);
  });

  it('writes nothing for the defaults', () => {
    expect(serializeUrlState(defaultUrlState)).toBe('');
  });

  it.each([
    ['', defaultUrlState],
    ['?view=nonsense&pid=abc&page=-4&cs=maybe', defaultUrlState],
    ['?pid=1e9&page=99999999999999999999', defaultUrlState],
    ['?view=3d&pid=-1', { ...defaultUrlState, view: '3d', projectId: -1 }],
    ['?%E0%A4%A=1&q=%', { ...defaultUrlState, search: { ...defaultUrlState.search, name: '%' } }],
    ['?view=stats&view=search', { ...defaultUrlState, view: 'stats' }],
  ] as const)('parses garbled %s to a safe default', (search, expected) => {
    expect(parseUrlState(search)).toEqual(expected);
  });

  it('caps an absurdly long name query', () => {
    expect(parseUrlState(`?q=${'a'.repeat(10_000)}`).search.name).toHaveLength(2000);
  });
});
