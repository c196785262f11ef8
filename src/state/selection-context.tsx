import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import {
  createSelectionStore,
  type SelectionState,
  type SelectionStore,
} from './selection-store.ts';
import { applyLinkSelection, connectSelectionToUrl } from './selection-url-sync.ts';
import { UrlStoreContext } from './url-store.ts';

const SelectionContext = createContext<SelectionStore | null>(null);

/**
 * One selection store per dashboard instance; `storageKey` scopes persistence (server +
 * project). With `syncUrl`, a selection in the opened link wins over the stored one and the URL
 * then mirrors the store (see selection-url-sync.ts).
 */
export function SelectionProvider({
  storageKey,
  syncUrl = false,
  children,
}: {
  storageKey: string | null;
  syncUrl?: boolean;
  children: ReactNode;
}) {
  const url = useContext(UrlStoreContext);
  if (syncUrl && !url) throw new Error('SelectionProvider syncUrl needs a <UrlStateProvider>');
  const [store] = useState(() => {
    const created = createSelectionStore(storageKey);
    if (syncUrl && url) applyLinkSelection(created, url);
    return created;
  });
  useEffect(
    () => (syncUrl && url ? connectSelectionToUrl(store, url) : undefined),
    [store, syncUrl, url],
  );
  return <SelectionContext.Provider value={store}>{children}</SelectionContext.Provider>;
}

export function useSelection<T>(selector: (state: SelectionState) => T): T {
  const store = useContext(SelectionContext);
  if (!store) throw new Error('useSelection needs a <SelectionProvider>');
  return useStore(store, useShallow(selector));
}

/** The store itself, for event handlers that read the latest state without subscribing. */
export function useSelectionStore(): SelectionStore {
  const store = useContext(SelectionContext);
  if (!store) throw new Error('useSelectionStore needs a <SelectionProvider>');
  return store;
}
