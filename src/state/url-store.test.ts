import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSelectionStore } from './selection-store.ts';
import { applyLinkSelection, connectSelectionToUrl } from './selection-url-sync.ts';
import { createUrlStore, REPLACE_EVERY_MS, type UrlHost } from './url-store.ts';

/** A window stand-in: a location, a history that records calls, popstate listeners. */
function fakeHost(initial: string) {
  const listeners = new Set<() => void>();
  const calls: { mode: 'push' | 'replace'; url: string }[] = [];
  const entries = [initial];
  let at = 0;
  const location = { pathname: '/', search: '', hash: '' };
  const go = (url: string) => {
    const u = new URL(url, 'http://x');
    location.pathname = u.pathname;
    location.search = u.search;
    location.hash = u.hash;
  };
  go(initial);
  const host: UrlHost = {
    location,
    history: {
      pushState: (_d, _t, url) => {
        calls.push({ mode: 'push', url: String(url) });
        entries.splice(++at, entries.length, String(url));
        go(String(url));
      },
      replaceState: (_d, _t, url) => {
        calls.push({ mode: 'replace', url: String(url) });
        entries[at] = String(url);
        go(String(url));
      },
    },
    addEventListener: (_t, fn) => listeners.add(fn),
    removeEventListener: (_t, fn) => listeners.delete(fn),
  };
  const back = () => {
    at -= 1;
    go(entries[at] ?? '/');
    for (const fn of listeners) fn();
  };
  return { host, calls, back, location, listeners };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('URL store', () => {
  it('reads the URL it was created with; each store is independent', () => {
    const a = createUrlStore(fakeHost('/?view=stats&q=PN').host);
    const b = createUrlStore(fakeHost('/').host);
    expect(a.store.getState().state.view).toBe('stats');
    expect(a.store.getState().state.search.name).toBe('PN');
    expect(b.store.getState().state.view).toBe('search');
  });

  it('coalesces replacements into one write per interval; a push writes at once', () => {
    const { host, calls } = fakeHost('/');
    const { store } = createUrlStore(host);
    for (const name of ['a', 'ab', 'abc'])
      store.getState().update((s) => ({ ...s, search: { ...s.search, name } }), 'replace');
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(REPLACE_EVERY_MS);
    expect(calls).toEqual([{ mode: 'replace', url: '/?q=abc' }]);

    store.getState().update((s) => ({ ...s, search: { ...s.search, name: 'x' } }), 'replace');
    store.getState().update((s) => ({ ...s, view: 'stats' }));
    // The pending replacement lands on the entry being left, then the new entry is pushed.
    expect(calls.slice(1)).toEqual([
      { mode: 'replace', url: '/?q=x' },
      { mode: 'push', url: '/?view=stats&q=x' },
    ]);
    vi.advanceTimersByTime(REPLACE_EVERY_MS * 2);
    expect(calls).toHaveLength(3);
  });

  it('follows back/forward only while connected, and drops a replacement meant for the old entry', () => {
    const { host, calls, back, listeners } = fakeHost('/');
    const url = createUrlStore(host);
    const disconnect = url.connect();
    url.store.getState().update((s) => ({ ...s, view: 'stats' }));
    url.store
      .getState()
      .update((s) => ({ ...s, search: { ...s.search, name: 'late' } }), 'replace');
    back();
    expect(url.store.getState().state.view).toBe('search');
    vi.advanceTimersByTime(REPLACE_EVERY_MS);
    expect(calls.filter((c) => c.mode === 'replace')).toEqual([]);
    disconnect();
    expect(listeners.size).toBe(0);
  });
});

describe('selection ↔ URL', () => {
  const link = '/?sel=16_ffb200-17_00ccff_0.5_h&selby=cell+type';

  it('a link selection goes into the first store only, then the URL mirrors the store', () => {
    const { host, location } = fakeHost(link);
    const url = createUrlStore(host);
    const first = createSelectionStore(null);
    applyLinkSelection(first, url.store);
    expect(first.getState().items.map((i) => i.skeletonId)).toEqual([16, 17]);
    expect(first.getState().colorBy).toBe('cell type');
    const stop = connectSelectionToUrl(first, url.store);
    vi.advanceTimersByTime(REPLACE_EVERY_MS);
    // The older query form is rewritten into the fragment.
    expect(location.search).toBe('');
    expect(location.hash).toMatch(/^#selz=[\w-]+&selby=cell\+type$/);

    first.getState().add([99]);
    vi.advanceTimersByTime(REPLACE_EVERY_MS);
    expect(url.store.getState().state.selection?.items.map((i) => i.skeletonId)).toEqual([
      16, 17, 99,
    ]);
    stop();

    const second = createSelectionStore(null);
    applyLinkSelection(second, url.store);
    expect(second.getState().items).toEqual([]);
  });

  it('a damaged link keeps the stored selection and reports the problem', () => {
    const { host } = fakeHost('/?view=stats#selz=AAAAbroken');
    const url = createUrlStore(host);
    const store = createSelectionStore(null);
    store.getState().add([5, 6]);
    applyLinkSelection(store, url.store);
    expect(store.getState().items.map((i) => i.skeletonId)).toEqual([5, 6]);
    expect(store.getState().linkProblem).toMatch(/\w/);
    expect(url.store.getState().state.view).toBe('stats');
  });
});
