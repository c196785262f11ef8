/**
 * The search results in the chosen sort order. Up to SYNC_SORT_LIMIT rows are sorted at once
 * while rendering (a few milliseconds); longer lists off the critical path: sort keys are read
 * and the rows merge-sorted in slices of a few milliseconds (sortTimeSliced), so sorting 50,000
 * names (~120 ms in one go) never blocks input. Until such a sort is done the previous order of
 * the same search stays on screen, and `applied` says which sort the rows shown are in (the
 * header's aria-sort follows it, so it never claims an order the rows are not yet in).
 */
import { useEffect, useMemo, useState } from 'react';
import type { TableColumn } from '../../../components/table/define-column.ts';
import { columnSortKey, compareForSort } from '../../../components/table/use-data-table.ts';
import { sortTimeSliced } from '../../../lib/sort-sliced.ts';
import { forEachTimeSliced } from '../../../lib/time-sliced.ts';
import type { SearchSort } from '../../../state/search-url.ts';
import type { ResultRow } from './result-row.ts';

const SYNC_SORT_LIMIT = 2000;

interface Sorted {
  from: readonly ResultRow[];
  sort: SearchSort;
  rows: readonly ResultRow[];
}

export interface SortedRows {
  rows: readonly ResultRow[];
  /** The order `rows` are in (null: the server's order). */
  applied: SearchSort | null;
}

type Keyed = { row: ResultRow; key: ReturnType<NonNullable<ReturnType<typeof columnSortKey>>> };

function keyedCompare(sort: SearchSort) {
  const cmp = compareForSort(sort.dir === 'desc');
  return (a: Keyed, b: Keyed) => cmp(a.key, b.key);
}

export async function sortRowsBy(
  rows: readonly ResultRow[],
  columns: readonly TableColumn<ResultRow>[],
  sort: SearchSort,
  signal: AbortSignal,
): Promise<readonly ResultRow[]> {
  const keyOf = columnSortKey(columns, sort.column);
  if (!keyOf) return rows;
  const keyed: Keyed[] = [];
  await forEachTimeSliced(rows, (row) => keyed.push({ row, key: keyOf(row) }));
  signal.throwIfAborted();
  const sorted = await sortTimeSliced(keyed, keyedCompare(sort), { signal });
  return sorted.map((k) => k.row);
}

function sortNow(
  rows: readonly ResultRow[],
  columns: readonly TableColumn<ResultRow>[],
  sort: SearchSort,
): readonly ResultRow[] {
  const keyOf = columnSortKey(columns, sort.column);
  if (!keyOf) return rows;
  // Array.prototype.sort is stable: equal keys keep the server's order, as in the table.
  return rows
    .map((row) => ({ row, key: keyOf(row) }))
    .sort(keyedCompare(sort))
    .map((k) => k.row);
}

export function useSortedRows(
  rows: readonly ResultRow[],
  columns: readonly TableColumn<ResultRow>[],
  sort: SearchSort | null,
): SortedRows {
  const [done, setDone] = useState<Sorted | null>(null);
  // The URL store may hand over an equal sort as a new object: depend on its content.
  const column = sort?.column;
  const dir = sort?.dir;
  const small = rows.length <= SYNC_SORT_LIMIT;
  const now = useMemo(
    () =>
      small && column !== undefined && dir !== undefined
        ? { rows: sortNow(rows, columns, { column, dir }), applied: { column, dir } }
        : null,
    [small, rows, columns, column, dir],
  );
  useEffect(() => {
    if (small || column === undefined || dir === undefined) return;
    const controller = new AbortController();
    const by = { column, dir };
    sortRowsBy(rows, columns, by, controller.signal).then(
      (sorted) => setDone({ from: rows, sort: by, rows: sorted }),
      () => undefined, // replaced by a newer sort
    );
    return () => controller.abort();
  }, [small, rows, columns, column, dir]);
  if (now) return now;
  if (column === undefined || !done) return { rows, applied: null };
  // An earlier sort of the same search (fewer pages, or another column) is shown meanwhile;
  // rows of another search never are.
  const sameSearch = rows.length >= done.from.length && rows[0] === done.from[0];
  return sameSearch ? { rows: done.rows, applied: done.sort } : { rows, applied: null };
}
