import { beforeEach, describe, expect, it } from 'vitest';
import { useReviewerWhitelist, whitelistOf } from './reviewer-whitelist.ts';

const KEY = 'catmaid-dashboard:reviewer-whitelist';

describe('reviewer whitelist store', () => {
  beforeEach(() => {
    localStorage.clear();
    useReviewerWhitelist.setState({ byServer: {} });
  });

  it('keeps one list per server, sorted and unique, and remembers it in localStorage', () => {
    useReviewerWhitelist.getState().set('a', [7, 3, 7]);
    useReviewerWhitelist.getState().set('b', [1]);
    const { byServer } = useReviewerWhitelist.getState();
    expect(byServer).toEqual({ a: [3, 7], b: [1] });
    expect(whitelistOf(byServer, 'a')).toEqual(new Set([3, 7]));
    expect(whitelistOf(byServer, 'c')).toBeNull();
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}')).toMatchObject({
      state: { byServer: { a: [3, 7], b: [1] } },
    });
  });

  it('null clears a server back to "everyone counts"', () => {
    useReviewerWhitelist.getState().set('a', [3]);
    useReviewerWhitelist.getState().set('a', null);
    expect(useReviewerWhitelist.getState().byServer).toEqual({});
  });

  it('a garbled stored value is dropped, not thrown', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({ state: { byServer: { a: [1, 'x', 2.5, 4], b: 'nope' } }, version: 1 }),
    );
    await useReviewerWhitelist.persist.rehydrate();
    expect(useReviewerWhitelist.getState().byServer).toEqual({ a: [1, 4] });
  });
});
