/**
 * Keeps the selection and the URL in step. Precedence: a link that carries a selection (`sel`)
 * wins over the stored one, once, when the page is opened; afterwards the URL mirrors the store
 * (history.replaceState, so back/forward step through searches and views, not selection edits).
 */
import type { SelectionStore } from './selection-store.ts';
import { sameSelectionUrl, type SelectionUrlState } from './selection-url.ts';
import { serializeUrlState } from './url-state.ts';
import { useUrlStore } from './url-store.ts';

let linkConsumed = false;

/**
 * Apply the opened link's selection to a newly created store, unless a store already took it
 * (switching project later must not copy one project's selection into another).
 */
export function applyLinkSelection(store: SelectionStore): void {
  if (linkConsumed) return;
  const link = useUrlStore.getState().state.selection;
  if (!link) return;
  if (link.items.length > 0) store.getState().replace(link.items, link.colorBy);
  store.getState().setLinkRejected(link.rejected);
}

function fromStore(store: SelectionStore): SelectionUrlState {
  const { items, colorBy } = store.getState();
  return { items, colorBy, rejected: [] };
}

const MIN_INTERVAL_MS = 120;

/** Mirror the store into the URL (throttled: Chrome limits replaceState to ~100 per 10 s). */
export function connectSelectionToUrl(store: SelectionStore): () => void {
  linkConsumed = true;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    last = Date.now();
    const wanted = fromStore(store);
    const current = useUrlStore.getState().state;
    // Also rewrites a link's unreadable `sel` entries into the canonical form.
    const canonical = serializeUrlState(current) === window.location.search;
    if (canonical && sameSelectionUrl(current.selection, wanted)) return;
    useUrlStore.getState().update((s) => ({ ...s, selection: wanted }), 'replace');
  };
  const schedule = () => {
    if (timer !== null) return;
    const wait = Math.max(0, last + MIN_INTERVAL_MS - Date.now());
    if (wait === 0) write();
    else timer = setTimeout(write, wait);
  };
  write();
  const offStore = store.subscribe((s, prev) => {
    if (s.items !== prev.items || s.colorBy !== prev.colorBy) schedule();
  });
  // Back/forward (or any URL change) restores an old `sel`: put the current selection back.
  const offUrl = useUrlStore.subscribe((s, prev) => {
    if (s.state.selection === prev.state.selection) return;
    if (!sameSelectionUrl(s.state.selection, fromStore(store))) schedule();
  });
  return () => {
    offStore();
    offUrl();
    if (timer !== null) clearTimeout(timer);
  };
}
