/**
 * Result rows of one decoded page (row columns from the search worker), built once per page.
 * Annotation objects are shared between rows and pages (one per annotation id and name): 50,000
 * rows hold ~16,000 distinct annotations, not one object per row and annotation.
 */
import type { SearchRowColumns } from '../../../api/search-row-columns.ts';
import type { ResultRow } from './result-row.ts';

type RowAnnotation = ResultRow['annotations'][number];

const interned = new Map<number, RowAnnotation>();
const pageRows = new WeakMap<SearchRowColumns, ResultRow[]>();

function intern(id: number, name: string): RowAnnotation {
  const known = interned.get(id);
  if (known?.name === name) return known;
  const a = { id, name };
  interned.set(id, a);
  return a;
}

export function rowsOfPage(page: SearchRowColumns): ResultRow[] {
  let rows = pageRows.get(page);
  if (rows) return rows;
  const annotations = page.annotationNames.map((name, k) =>
    intern(page.annotationIds[k] ?? 0, name),
  );
  rows = new Array<ResultRow>(page.skeletonIds.length);
  for (let r = 0; r < rows.length; r++) {
    const from = page.annStart[r] ?? 0;
    const to = page.annStart[r + 1] ?? from;
    const own: RowAnnotation[] = new Array<RowAnnotation>(to - from);
    for (let k = from; k < to; k++)
      own[k - from] = annotations[page.annotationOf[k] ?? 0] as RowAnnotation;
    rows[r] = {
      skeletonId: page.skeletonIds[r] ?? 0,
      neuronId: page.neuronIds[r] ?? 0,
      name: page.names[r] ?? '',
      annotations: own,
    };
  }
  pageRows.set(page, rows);
  return rows;
}

interface Joined {
  pages: readonly SearchRowColumns[];
  rows: ResultRow[];
}

/** The rows of all pages so far, remembered under their last page. */
const joinedByLastPage = new WeakMap<SearchRowColumns, Joined>();

/**
 * All pages' rows in order. When `pages` is an earlier list with pages appended (each fetched page
 * makes a new list holding the same page objects), the earlier rows are extended by the new
 * pages' rows: one pointer copy and O(new rows) of work per page, where joining every page again
 * built all rows' array anew.
 */
export function rowsOfPages(pages: readonly SearchRowColumns[]): ResultRow[] {
  const last = pages[pages.length - 1];
  if (!last) return [];
  const known = joinedByLastPage.get(last);
  if (known && samePages(known.pages, pages, pages.length)) return known.rows;
  let base: Joined | undefined;
  for (let k = pages.length - 2; k >= 0 && !base; k--) {
    const earlier = joinedByLastPage.get(pages[k] as SearchRowColumns);
    if (earlier && samePages(earlier.pages, pages, k + 1)) base = earlier;
  }
  const from = base?.pages.length ?? 0;
  const rows = (base?.rows ?? []).concat(...pages.slice(from).map(rowsOfPage));
  joinedByLastPage.set(last, { pages, rows });
  return rows;
}

/** Whether `a` is exactly the first `n` pages of `b`. */
function samePages(
  a: readonly SearchRowColumns[],
  b: readonly SearchRowColumns[],
  n: number,
): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
