/** Comparison of table sort keys: numbers numerically, text by locale with numeric collation. */
export type SortValue = number | string | undefined;

/** Empty keys (null, NaN) become undefined, which the table keeps last in both directions. */
export function sortKey(v: number | string | null | undefined): SortValue {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' && Number.isNaN(v)) return undefined;
  return v;
}

// One collator, reused: `localeCompare` with options builds one per call, which made sorting
// 50,000 names take seconds of main-thread time. Made on the first comparison, not when the
// module loads: building it (the locale's collation data) took some 15 ms of the page's start.
let collator: Intl.Collator | null = null;

export function compareSortValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return collator.compare(String(a), String(b));
}
