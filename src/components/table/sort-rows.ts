/** Stable sort of table rows by one column; numbers numerically, strings by locale, empties last. */
export type SortDirection = 'asc' | 'desc';
export type SortValue = number | string | null | undefined;

export interface SortState {
  columnId: string;
  direction: SortDirection;
}

function compare(a: SortValue, b: SortValue): number {
  const emptyA = a === null || a === undefined || (typeof a === 'number' && Number.isNaN(a));
  const emptyB = b === null || b === undefined || (typeof b === 'number' && Number.isNaN(b));
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

export function sortRows<T>(
  rows: readonly T[],
  value: ((row: T) => SortValue) | undefined,
  direction: SortDirection,
): T[] {
  if (!value) return [...rows];
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((x, y) => {
      const c = compare(x.v, y.v);
      // Empty values stay last in both directions.
      const isEmpty = (v: SortValue) => v === null || v === undefined || Number.isNaN(v);
      if (isEmpty(x.v) !== isEmpty(y.v)) return c;
      return sign * c || x.index - y.index;
    })
    .map((x) => x.row);
}

/** Clicking a header: a new column sorts descending for numbers (ascending for text); again flips. */
export function nextSort(current: SortState | null, columnId: string, numeric: boolean): SortState {
  if (current?.columnId === columnId)
    return { columnId, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { columnId, direction: numeric ? 'desc' : 'asc' };
}
