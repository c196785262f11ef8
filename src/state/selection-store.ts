/**
 * The selection every view works on: skeletons with colour, visibility and opacity. One store per
 * dashboard (created by the provider), persisted in localStorage so a reload keeps it.
 */
import { createStore, type StoreApi } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
import { categoricalColor } from '../lib/colors.ts';

export interface SelectedSkeleton {
  skeletonId: number;
  color: string;
  visible: boolean;
  opacity: number;
}

/** Synapses another view asked the 3D view to show (e.g. those between a pair of neurons). */
export interface ConnectorHighlight {
  /** What the highlight is about, shown in the 3D legend, e.g. "PN DA1 left → KC 012 left". */
  label: string;
  skeletonIds: number[];
  connectorIds: number[];
}

export interface SelectionState {
  items: SelectedSkeleton[];
  /** The neuron picked in a view (3D click, table row); the selection panel scrolls to it. */
  highlightedSkeletonId: number | null;
  connectorHighlight: ConnectorHighlight | null;
  add(skeletonIds: readonly number[]): void;
  remove(skeletonIds: readonly number[]): void;
  clear(): void;
  setHighlighted(skeletonId: number | null): void;
  setConnectorHighlight(highlight: ConnectorHighlight | null): void;
}

export type SelectionStore = StoreApi<SelectionState>;

export function createSelectionStore(storageKey: string | null): SelectionStore {
  const body = (set: StoreApi<SelectionState>['setState']): SelectionState => ({
    items: [],
    highlightedSkeletonId: null,
    connectorHighlight: null,
    add: (skeletonIds) =>
      set((s) => {
        const present = new Set(s.items.map((i) => i.skeletonId));
        const added = [...new Set(skeletonIds)].filter((id) => !present.has(id));
        if (added.length === 0) return s;
        const start = s.items.length;
        return {
          items: [
            ...s.items,
            ...added.map((skeletonId, i) => ({
              skeletonId,
              color: categoricalColor(start + i),
              visible: true,
              opacity: 1,
            })),
          ],
        };
      }),
    remove: (skeletonIds) =>
      set((s) => {
        const drop = new Set(skeletonIds);
        return { items: s.items.filter((i) => !drop.has(i.skeletonId)) };
      }),
    clear: () => set({ items: [], highlightedSkeletonId: null }),
    setHighlighted: (skeletonId) => set({ highlightedSkeletonId: skeletonId }),
    setConnectorHighlight: (highlight) => set({ connectorHighlight: highlight }),
  });
  if (storageKey === null) return createStore<SelectionState>()((set) => body(set));
  return createStore<SelectionState>()(
    persist((set) => body(set), {
      name: storageKey,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ items: s.items }),
      version: 1,
      // A corrupted or foreign stored value must not break the app: keep only well-formed rows.
      merge: (persisted, current) => ({ ...current, items: sanitizeItems(persisted) }),
    }),
  );
}

function sanitizeItems(persisted: unknown): SelectedSkeleton[] {
  if (
    !persisted ||
    typeof persisted !== 'object' ||
    !('items' in persisted) ||
    !Array.isArray(persisted.items)
  )
    return [];
  const out: SelectedSkeleton[] = [];
  for (const raw of persisted.items as unknown[]) {
    if (!raw || typeof raw !== 'object') continue;
    const r = raw as Record<string, unknown>;
    if (typeof r.skeletonId !== 'number' || !Number.isSafeInteger(r.skeletonId)) continue;
    out.push({
      skeletonId: r.skeletonId,
      color:
        typeof r.color === 'string' && /^#[0-9a-f]{6}$/i.test(r.color)
          ? r.color
          : categoricalColor(out.length),
      visible: r.visible !== false,
      opacity: typeof r.opacity === 'number' && r.opacity >= 0 && r.opacity <= 1 ? r.opacity : 1,
    });
  }
  return out;
}
