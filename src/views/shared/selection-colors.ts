/**
 * The one colour map every view honours (3D, tables, plots): skeleton id → CSS hex colour, for
 * the neurons of the selection. Views must take neuron colours from here, never pick their own.
 */
import { useMemo } from 'react';
import { useSelection } from '../../state/selection-context.tsx';
import type { SelectedSkeleton } from '../../state/selection-store.ts';

export function useSelectionColors(): ReadonlyMap<number, string> {
  const items = useSelection((s) => s.items);
  return useMemo(() => new Map(items.map((i) => [i.skeletonId, i.color])), [items]);
}

/** The selection's neurons that are switched visible, in selection order. */
export function useVisibleSelection(): SelectedSkeleton[] {
  const items = useSelection((s) => s.items);
  return useMemo(() => items.filter((i) => i.visible), [items]);
}
