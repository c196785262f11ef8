/**
 * The selection every view works on: skeletons with colour, visibility and opacity, plus how
 * they were coloured (scheme, or "colour by annotation" with its legend). One store per
 * dashboard (created by the provider), persisted in localStorage so a reload keeps it.
 */
import { createStore, type StoreApi } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
import { sanitizePersisted } from './selection-sanitize.ts';
import { schemeColor, type ColorSchemeId } from './selection-schemes.ts';
import type { ColorLegendEntry, ConnectorHighlight, SelectedSkeleton } from './selection-types.ts';

export type { ColorLegendEntry, ConnectorHighlight, SelectedSkeleton } from './selection-types.ts';

export interface SelectionState {
  items: SelectedSkeleton[];
  /** The neuron picked in a view (3D click, table row); the selection panel scrolls to it. */
  highlightedSkeletonId: number | null;
  connectorHighlight: ConnectorHighlight | null;
  /** Scheme of new neurons and of "recolour". */
  colorScheme: ColorSchemeId;
  /** Meta-annotation the colours follow (e.g. "cell type"), or null for per-neuron colours. */
  colorBy: string | null;
  /** Groups → colour while `colorBy` is set; views showing colours should show this legend. */
  colorLegend: ColorLegendEntry[] | null;
  /** The selection side panel is open. */
  panelOpen: boolean;
  /** Entries of the opened link's `sel` that could not be read (shown once, not persisted). */
  linkRejected: readonly string[];
  /** Why the opened link's selection could not be read at all (shown once, not persisted). */
  linkProblem: string | null;
  add(skeletonIds: readonly number[]): void;
  remove(skeletonIds: readonly number[]): void;
  clear(): void;
  setHighlighted(skeletonId: number | null): void;
  setConnectorHighlight(highlight: ConnectorHighlight | null): void;
  /** A manual colour: ends "colour by annotation". */
  setColor(skeletonId: number, color: string): void;
  setVisible(skeletonIds: readonly number[], visible: boolean): void;
  setOpacity(skeletonIds: readonly number[], opacity: number): void;
  /** Recolour every neuron with a scheme (and use it for new ones); ends "colour by annotation". */
  recolor(scheme: ColorSchemeId): void;
  /** The scheme of new neurons and of the groups when colouring by annotation. */
  setColorScheme(scheme: ColorSchemeId): void;
  /** Start (name) or end (null) colouring by a meta-annotation; colours are applied by the view. */
  setColorBy(metaAnnotation: string | null): void;
  /** Colours computed for `colorBy`, with the legend that explains them. */
  applyGroupColors(colors: ReadonlyMap<number, string>, legend: ColorLegendEntry[]): void;
  /** Import: update neurons already selected (colour, opacity), append the others in order. */
  merge(entries: readonly SelectedSkeleton[]): void;
  /** Replace the whole selection (a shared link). */
  replace(entries: readonly SelectedSkeleton[], colorBy: string | null): void;
  setPanelOpen(open: boolean): void;
  setLinkRejected(entries: readonly string[], problem?: string | null): void;
}

export type SelectionStore = StoreApi<SelectionState>;
type SetState = StoreApi<SelectionState>['setState'];

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1);
const manual = { colorBy: null, colorLegend: null };

function mapItems(set: SetState, ids: readonly number[], patch: Partial<SelectedSkeleton>) {
  const wanted = new Set(ids);
  set((s) => ({ items: s.items.map((i) => (wanted.has(i.skeletonId) ? { ...i, ...patch } : i)) }));
}

function body(set: SetState): SelectionState {
  return {
    items: [],
    highlightedSkeletonId: null,
    connectorHighlight: null,
    colorScheme: 'tableau',
    colorBy: null,
    colorLegend: null,
    panelOpen: false,
    linkRejected: [],
    linkProblem: null,
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
              color: schemeColor(s.colorScheme, start + i),
              visible: true,
              opacity: 1,
            })),
          ],
        };
      }),
    remove: (skeletonIds) =>
      set((s) => {
        const drop = new Set(skeletonIds);
        const highlighted = s.highlightedSkeletonId;
        return {
          items: s.items.filter((i) => !drop.has(i.skeletonId)),
          highlightedSkeletonId: highlighted !== null && drop.has(highlighted) ? null : highlighted,
        };
      }),
    clear: () => set({ items: [], highlightedSkeletonId: null, colorLegend: null }),
    setHighlighted: (skeletonId) => set({ highlightedSkeletonId: skeletonId }),
    setConnectorHighlight: (highlight) => set({ connectorHighlight: highlight }),
    setColor: (skeletonId, color) =>
      set((s) => ({
        ...manual,
        items: s.items.map((i) => (i.skeletonId === skeletonId ? { ...i, color } : i)),
      })),
    setVisible: (ids, visible) => mapItems(set, ids, { visible }),
    setOpacity: (ids, opacity) => mapItems(set, ids, { opacity: clamp01(opacity) }),
    recolor: (scheme) =>
      set((s) => ({
        ...manual,
        colorScheme: scheme,
        items: s.items.map((i, n) => ({ ...i, color: schemeColor(scheme, n) })),
      })),
    setColorScheme: (scheme) => set({ colorScheme: scheme }),
    setColorBy: (metaAnnotation) => set({ colorBy: metaAnnotation, colorLegend: null }),
    applyGroupColors: (colors, legend) =>
      set((s) => ({
        colorLegend: legend,
        items: s.items.map((i) => {
          const color = colors.get(i.skeletonId);
          return color && color !== i.color ? { ...i, color } : i;
        }),
      })),
    merge: (entries) =>
      set((s) => {
        const byId = new Map(entries.map((e) => [e.skeletonId, e]));
        const present = new Set(s.items.map((i) => i.skeletonId));
        const updated = s.items.map((i) => {
          const e = byId.get(i.skeletonId);
          return e ? { ...i, color: e.color, opacity: e.opacity } : i;
        });
        const appended = [...byId.values()].filter((e) => !present.has(e.skeletonId));
        return { ...manual, items: [...updated, ...appended] };
      }),
    replace: (entries, colorBy) =>
      set({ items: [...entries], colorBy, colorLegend: null, highlightedSkeletonId: null }),
    setPanelOpen: (open) => set({ panelOpen: open }),
    setLinkRejected: (entries, problem = null) =>
      set({ linkRejected: entries, linkProblem: problem }),
  };
}

/**
 * localStorage that never throws: a selection too large for the quota (≈5 MB, some 70,000
 * neurons) stays in memory and in the link, it just does not survive a reload.
 */
const quietStorage = {
  getItem: (name: string) => {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  setItem: (name: string, value: string) => {
    try {
      localStorage.setItem(name, value);
    } catch {
      // Quota exceeded or storage disabled: keep working without persistence.
    }
  },
  removeItem: (name: string) => {
    try {
      localStorage.removeItem(name);
    } catch {
      // As above.
    }
  },
};

export function createSelectionStore(storageKey: string | null): SelectionStore {
  if (storageKey === null) return createStore<SelectionState>()((set) => body(set));
  return createStore<SelectionState>()(
    persist((set) => body(set), {
      name: storageKey,
      storage: createJSONStorage(() => quietStorage),
      partialize: (s) => ({
        items: s.items,
        colorScheme: s.colorScheme,
        colorBy: s.colorBy,
        colorLegend: s.colorLegend,
        panelOpen: s.panelOpen,
      }),
      version: 1,
      // A corrupted or foreign stored value must not break the app: keep only well-formed rows.
      merge: (persisted, current) => ({ ...current, ...sanitizePersisted(persisted) }),
    }),
  );
}
