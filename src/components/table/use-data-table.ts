/**
 * The table model behind every DataTable: TanStack Table with one sort at a time that never
 * switches off (a click on the sorted column flips it). The sort is owned here unless the caller
 * controls it (e.g. the search keeps its sort in the URL).
 */
import { useMemo } from 'react';
import { functionalUpdate, useTable, type ColumnSort, type RowData } from '@tanstack/react-table';
import { tagData } from './append-row-model.ts';
import { features, type TableColumn } from './define-column.ts';
import { compareSortValues, type SortValue } from './sort-value.ts';

export interface DataTableOptions<T extends RowData> {
  data: readonly T[];
  /** Keep it stable (module scope or useMemo): a new list re-derives every row. */
  columns: readonly TableColumn<T>[];
  getRowId: (row: T) => string | number;
  /**
   * What the columns' values depend on besides the row (TanStack Table caches a row's values
   * until the data changes); default: the column list. The search passes its sort context, so
   * values arriving for display while scrolling do not re-sort rows under the pointer.
   */
  valuesKey?: unknown;
  initialSort?: ColumnSort;
  /** A controlled sort: the table asks `onSortChange` and shows what `sort` says. */
  sort?: ColumnSort | null;
  onSortChange?: (next: ColumnSort) => void;
  /**
   * The caller hands the rows over already sorted (e.g. sorted in time slices): the table shows
   * the sort state but keeps the data's order.
   */
  presorted?: boolean;
}

export function useDataTable<T extends RowData>(o: DataTableOptions<T>) {
  const controlled = o.onSortChange !== undefined;
  const sortId = o.sort?.id;
  const sortDesc = o.sort?.desc;
  // Same sort, same array: the table compares its state by identity.
  const current = useMemo(
    () => (sortId === undefined ? [] : [{ id: sortId, desc: sortDesc ?? false }]),
    [sortId, sortDesc],
  );
  const valuesKey = o.valuesKey === undefined ? o.columns : o.valuesKey;
  // A new array tagged with a new values key makes the table rebuild its rows and so their cached
  // values; the same key with only rows appended keeps the rows built so far (append-row-model.ts).
  const data = useMemo(() => tagData([...o.data], valuesKey), [o.data, valuesKey]);
  return useTable({
    features,
    // TanStack Table reads but never mutates these arrays.
    columns: o.columns as TableColumn<T>[],
    data: data as T[],
    getRowId: (row: T) => String(o.getRowId(row)),
    enableSortingRemoval: false,
    enableMultiSort: false,
    manualSorting: o.presorted ?? false,
    initialState: { sorting: o.initialSort ? [o.initialSort] : [] },
    ...(controlled
      ? {
          state: { sorting: current },
          onSortingChange: (updater) => {
            const next = functionalUpdate(updater, current)[0];
            if (next) o.onSortChange?.(next);
          },
        }
      : {}),
  });
}

export type DataTableInstance<T extends RowData> = ReturnType<typeof useDataTable<T>>;

/** The rows in display (sorted) order. */
export function displayedRows<T extends RowData>(table: DataTableInstance<T>): T[] {
  return table.getRowModel().rows.map((r) => r.original);
}

/**
 * Below this width (the columns' rem widths, `auto` columns counted as 10rem) the table scrolls
 * sideways instead of squeezing its columns until they cut their text.
 */
export function tableMinWidthRem<T extends RowData>(
  columns: readonly TableColumn<T>[],
  withCheckbox: boolean,
): number {
  const rem = (w: string | undefined) => Number(/^([\d.]+)rem$/.exec(w ?? '')?.[1] ?? 10);
  return columns.reduce((s, c) => s + rem(c.meta?.width), withCheckbox ? 2.4 : 0);
}

/** The sort key the table would sort `columnId` by; null when the column cannot sort. */
export function columnSortKey<T extends RowData>(
  columns: readonly TableColumn<T>[],
  columnId: string,
): ((row: T) => SortValue) | null {
  const col = columns.find((c) => c.id === columnId);
  const key = col && 'accessorFn' in col ? col.accessorFn : undefined;
  return key ? (row: T) => key(row, 0) as SortValue : null;
}

/**
 * The table's own order of sort keys, for callers that sort rows themselves: empty keys last in
 * both directions (equal keys keep their order when the sort is stable).
 */
export function compareForSort(desc: boolean): (a: SortValue, b: SortValue) => number {
  return (a, b) => {
    if (a === undefined || b === undefined)
      return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
    return desc ? compareSortValues(b, a) : compareSortValues(a, b);
  };
}
