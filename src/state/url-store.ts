/**
 * Keeps the URL state in a zustand store and in the browser history, so back/forward step
 * through searches and views and a copied link reproduces them.
 */
import { create } from 'zustand';
import { parseUrlState, serializeUrlState, type UrlState } from './url-state.ts';

interface UrlStore {
  state: UrlState;
  /** `push` adds a history entry (a new search, another view); `replace` amends the current one. */
  update(patch: (current: UrlState) => UrlState, mode?: 'push' | 'replace'): void;
}

function readLocation(): UrlState {
  return parseUrlState(typeof window === 'undefined' ? '' : window.location.search);
}

export const useUrlStore = create<UrlStore>((set, get) => ({
  state: readLocation(),
  update(patch, mode = 'push') {
    const next = patch(get().state);
    const search = serializeUrlState(next);
    if (search !== window.location.search) {
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    set({ state: next });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => useUrlStore.setState({ state: readLocation() }));
}
