/**
 * Keeps the selection and the URL in step. Precedence: a link that carries a selection wins
 * over the stored one, once, when the page is opened; afterwards the URL mirrors the store
 * through the URL store's throttled `replace` (so back/forward step through searches and views,
 * not selection edits). A link whose selection cannot be read leaves the stored one in place.
 */
import type { SelectionStore } from './selection-store.ts';
import type { SelectionUrlState } from './selection-url.ts';
import type { UrlStore } from './url-store.ts';

/** URL stores whose link selection was already taken by a selection store. */
const consumed = new WeakSet<UrlStore>();

/**
 * Apply the opened link's selection to a newly created store, unless a store already took it
 * (switching project later must not copy one project's selection into another).
 */
export function applyLinkSelection(store: SelectionStore, url: UrlStore): void {
  if (consumed.has(url)) return;
  const link = url.getState().state.selection;
  if (!link) return;
  if (link.items.length > 0) store.getState().replace(link.items, link.colorBy);
  store.getState().setLinkRejected(link.rejected, link.problem ?? null);
}

function mirrors(link: SelectionUrlState | null, store: SelectionStore): boolean {
  const { items, colorBy } = store.getState();
  return link !== null && link.items === items && link.colorBy === colorBy;
}

/** Mirror the store into the URL (the URL store throttles and serialises). */
export function connectSelectionToUrl(store: SelectionStore, url: UrlStore): () => void {
  consumed.add(url);
  const write = () => {
    const { items, colorBy } = store.getState();
    // Also rewrites an older link (`?sel=`) or an unreadable part into the current form.
    url
      .getState()
      .update((s) => ({ ...s, selection: { items, colorBy, rejected: [] } }), 'replace');
  };
  write();
  const offStore = store.subscribe((s, prev) => {
    if (s.items !== prev.items || s.colorBy !== prev.colorBy) write();
  });
  // Back/forward (or any URL change) restores an old selection: put the current one back.
  const offUrl = url.subscribe((s, prev) => {
    if (s.state.selection !== prev.state.selection && !mirrors(s.state.selection, store)) write();
  });
  return () => {
    offStore();
    offUrl();
  };
}
