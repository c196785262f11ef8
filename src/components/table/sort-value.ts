/** Comparison of table sort keys: numbers numerically, text by locale with numeric collation. */
export type SortValue = number | string | undefined;

/** Empty keys (null, NaN) become undefined, which the table keeps last in both directions. */
export function sortKey(v: number | string | null | undefined): SortValue {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' && Number.isNaN(v)) return undefined;
  return v;
}

export function compareSortValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}
