import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState, defaultUrlState } from '../../../state/url-state.ts';
import { defaultSearchState, hasCriteria } from '../../../state/search-url.ts';
import { draftToSearch, searchToDraft } from './draft.ts';

const none = () => undefined;

describe('the region criterion of a search', () => {
  it('round-trips through the draft and the URL', () => {
    const search = {
      ...defaultSearchState,
      region: { volumeId: 5, what: 'pre' as const, atLeast: 3 },
    };
    expect(hasCriteria(search)).toBe(true);
    const back = draftToSearch(searchToDraft(search, none), none);
    expect(back).toEqual({ search });
    const url = serializeUrlState({ ...defaultUrlState, search });
    expect(url).toBe('?inv=5&inw=pre&ink=3');
    expect(parseUrlState(url).search.region).toEqual(search.region);
  });

  it('rejects a count below 1 and ignores the other fields without a volume', () => {
    const draft = searchToDraft(defaultSearchState, none);
    expect(draftToSearch({ ...draft, regionVolume: '5', regionMinText: '0' }, none)).toEqual({
      problems: ['The minimum count in the volume must be a whole number of at least 1.'],
    });
    const off = draftToSearch({ ...draft, regionWhat: 'post', regionMinText: 'x' }, none);
    expect(off).toEqual({ search: defaultSearchState });
    expect(parseUrlState('?inv=abc&ink=7').search.region).toBeNull();
  });
});
