import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import {
  createSelectionStore,
  type SelectionState,
  type SelectionStore,
} from './selection-store.ts';

const SelectionContext = createContext<SelectionStore | null>(null);

/** One selection store per dashboard instance; `storageKey` scopes persistence (server + project). */
export function SelectionProvider({
  storageKey,
  children,
}: {
  storageKey: string | null;
  children: ReactNode;
}) {
  const [store] = useState(() => createSelectionStore(storageKey));
  return <SelectionContext.Provider value={store}>{children}</SelectionContext.Provider>;
}

export function useSelection<T>(selector: (state: SelectionState) => T): T {
  const store = useContext(SelectionContext);
  if (!store) throw new Error('useSelection needs a <SelectionProvider>');
  return useStore(store, useShallow(selector));
}
