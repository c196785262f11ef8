/**
 * Which rows of a fixed-row-height table are in the DOM, from the scroll position alone: O(rows in
 * view) whatever the row count. (TanStack Virtual rebuilt one measurement object per row each time
 * the count changed, 50,000 objects per arriving page of search results, and made the garbage
 * collector the main thread's longest task.)
 */

export interface RowWindow {
  /** First row in the DOM (overscan included). */
  start: number;
  /** One past the last row in the DOM. */
  end: number;
}

/** The rows the viewport shows, widened by `overscan` on both sides and clamped to `count`. */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  if (count <= 0 || viewportHeight <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.min(count - 1, Math.max(0, Math.floor(scrollTop / rowHeight)));
  const last = Math.min(
    count,
    Math.max(first + 1, Math.ceil((scrollTop + viewportHeight) / rowHeight)),
  );
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/**
 * The scroll position that brings row `index` fully into view with as little movement as possible
 * (null: it already is).
 */
export function scrollTopToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}
