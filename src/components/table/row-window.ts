export interface RowWindow {
  totalSize: number;
  items: { index: number; start: number }[];
}

/** Rows overlapping [scrollTop, scrollTop + viewport), plus `overscan` rows on each side. */
export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan = 10,
): RowWindow {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const items: RowWindow['items'] = [];
  for (let i = first; i < last; i++) items.push({ index: i, start: i * rowHeight });
  return { totalSize: count * rowHeight, items };
}
