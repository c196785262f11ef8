/**
 * Keeps the URL state in a zustand store and in the browser history, so back/forward step
 * through searches and views and a copied link reproduces them. One store per dashboard (made
 * by <UrlStateProvider>, which also listens to back/forward while mounted); read it with
 * `useUrlStore(selector)`. Writes go through one throttle: `push` (a new search, another view)
 * adds a history entry at once; `replace` (typing in a filter, moving the camera, editing the
 * selection) amends the current entry at most every REPLACE_EVERY_MS, serialising only then.
 *
 * Not nuqs: its per-key parsers suit flat query keys, but the selection lives in the fragment
 * and the search and connectivity parts parse groups of keys together; this small store keeps
 * the documented schema and its parsers as they are.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { parseUrlState, serializeUrlState, type UrlState } from './url-state.ts';

export interface UrlStoreState {
  state: UrlState;
  /** `push` adds a history entry (a new search, another view); `replace` amends the current one. */
  update(patch: (current: UrlState) => UrlState, mode?: 'push' | 'replace'): void;
}

export type UrlStore = StoreApi<UrlStoreState>;

/** What the store needs of the browser window (tests pass a fake). */
export interface UrlHost {
  location: Pick<Location, 'pathname' | 'search' | 'hash'>;
  history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

export interface UrlStoreHandle {
  store: UrlStore;
  /** Follow back/forward; the returned function stops that and writes what is pending. */
  connect(): () => void;
}

/** Chrome refuses more than ~100 history.replaceState calls per 10 s and reports each refusal. */
export const REPLACE_EVERY_MS = 250;

export function createUrlStore(host: UrlHost): UrlStoreHandle {
  const here = () => `${host.location.pathname}${host.location.search}${host.location.hash}`;
  const read = () => parseUrlState(`${host.location.search}${host.location.hash}`);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const store = createStore<UrlStoreState>()((set, get) => {
    const urlOf = (state: UrlState) => `${host.location.pathname}${serializeUrlState(state)}`;
    const flushReplace = () => {
      if (timer === null) return;
      clearTimeout(timer);
      timer = null;
      const url = urlOf(get().state);
      if (url !== here()) host.history.replaceState(null, '', url);
    };
    return {
      state: read(),
      update(patch, mode = 'push') {
        if (mode === 'replace') {
          set({ state: patch(get().state) });
          timer ??= setTimeout(flushReplace, REPLACE_EVERY_MS);
          return;
        }
        // What was pending belongs to the entry we are leaving.
        flushReplace();
        const next = patch(get().state);
        const url = urlOf(next);
        if (url !== here()) host.history.pushState(null, '', url);
        set({ state: next });
      },
    };
  });

  const onPopState = () => {
    // The user moved in history: a replacement meant for the entry they left must not land here.
    if (timer !== null) clearTimeout(timer);
    timer = null;
    store.setState({ state: read() });
  };

  return {
    store,
    connect() {
      host.addEventListener('popstate', onPopState);
      return () => {
        host.removeEventListener('popstate', onPopState);
        if (timer !== null) {
          clearTimeout(timer);
          timer = null;
          const url = `${host.location.pathname}${serializeUrlState(store.getState().state)}`;
          if (url !== here()) host.history.replaceState(null, '', url);
        }
      };
    },
  };
}

export const UrlStoreContext = createContext<UrlStore | null>(null);

/** The dashboard's URL store (from <UrlStateProvider>), for code outside render. */
function useUrlStoreApi(): UrlStore {
  const store = useContext(UrlStoreContext);
  if (!store) throw new Error('useUrlStore needs a <UrlStateProvider>');
  return store;
}

export function useUrlStore<T>(selector: (s: UrlStoreState) => T): T {
  return useStore(useUrlStoreApi(), selector);
}
