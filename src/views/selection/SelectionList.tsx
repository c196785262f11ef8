import { useMemo } from 'react';
import { DataTable } from '../../components/table/DataTable.tsx';
import { useDataTable } from '../../components/table/use-data-table.ts';
import type { SelectedSkeleton } from '../../state/selection-store.ts';
import { selectionColumns, type RowActions } from './selection-columns.tsx';

interface Props {
  items: readonly SelectedSkeleton[];
  nameOf(skeletonId: number): { name: string; missing: boolean };
  checked: ReadonlySet<number>;
  highlightedSkeletonId: number | null;
  actions: RowActions;
}

/** The neurons, one row each, virtualized; scrolls the highlighted neuron into view. */
export function SelectionList({ items, nameOf, checked, highlightedSkeletonId, actions }: Props) {
  const columns = useMemo(
    () => selectionColumns({ nameOf, checked, actions }),
    [nameOf, checked, actions],
  );
  const table = useDataTable({ data: items, columns, getRowId: (i) => i.skeletonId });
  const highlightIndex =
    highlightedSkeletonId === null
      ? -1
      : items.findIndex((i) => i.skeletonId === highlightedSkeletonId);
  return (
    <DataTable
      table={table}
      label="Neurons in the selection"
      className="sel-scroll"
      maxHeight={null}
      rowHeight={34}
      hideHeader
      empty="No neuron matches the filter."
      scrollToIndex={highlightIndex}
      rowProps={(item) => ({
        className: `sel-row${item.skeletonId === highlightedSkeletonId ? ' is-highlighted' : ''}${item.visible ? '' : ' is-hidden'}`,
        current: item.skeletonId === highlightedSkeletonId,
        data: { 'skeleton-id': String(item.skeletonId) },
      })}
    />
  );
}
