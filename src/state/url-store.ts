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

/**
 * Replacements (typing in a filter, moving the camera) are coalesced: Chrome refuses more than
 * ~100 history.replaceState calls per 10 s and reports each refusal as an error.
 */
const REPLACE_EVERY_MS = 250;
let pendingReplace: string | null = null;
let replaceTimer: ReturnType<typeof setTimeout> | null = null;

function flushReplace(): void {
  if (replaceTimer !== null) clearTimeout(replaceTimer);
  replaceTimer = null;
  if (pendingReplace !== null) window.history.replaceState(null, '', pendingReplace);
  pendingReplace = null;
}

function writeUrl(url: string, mode: 'push' | 'replace'): void {
  if (mode === 'push') {
    flushReplace();
    window.history.pushState(null, '', url);
    return;
  }
  pendingReplace = url;
  replaceTimer ??= setTimeout(flushReplace, REPLACE_EVERY_MS);
}

export const useUrlStore = create<UrlStore>((set, get) => ({
  state: readLocation(),
  update(patch, mode = 'push') {
    const next = patch(get().state);
    const url = `${window.location.pathname}${serializeUrlState(next)}${window.location.hash}`;
    const current =
      pendingReplace ??
      `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (url !== current) writeUrl(url, mode);
    set({ state: next });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    // The user moved in history: a replacement meant for the entry they left must not land here.
    if (replaceTimer !== null) clearTimeout(replaceTimer);
    replaceTimer = null;
    pendingReplace = null;
    useUrlStore.setState({ state: readLocation() });
  });
}
