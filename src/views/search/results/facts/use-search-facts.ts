/**
 * The search results' optional fact columns: which are chosen (remembered), their data and the
 * columns to show, sort by and export. Shown values come from `skeletons/summary` for the rows on
 * screen only (one batched request per scroll position, cached per skeleton), or from the
 * summaries of every result once the search view has them. A sort by a fact uses what is known
 * when it is chosen (rows without a value sort last), so rows do not move while scrolling; the
 * CSV asks for every exported row's summary first (cached ones are not asked again).
 */
import {
  keepPreviousData,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ProjectScope } from '../../../../api/scope.ts';
import {
  skeletonSummariesQuery,
  skeletonSummaryQuery,
  type SkeletonSummary,
} from '../../../../api/skeleton-summary.ts';
import type { User } from '../../../../api/users.ts';
import type { ResultRow } from '../result-row.ts';
import { SEARCH_FACTS, searchFactColumns, type FactContext } from './search-fact-columns.tsx';
import { useSearchFactChoice } from './use-search-fact-choice.ts';

interface Args {
  scope: ProjectScope;
  /** Skeleton ids of the rows on screen. */
  visible: readonly number[];
  /** Every result row (for a sort by a fact). */
  rows: readonly ResultRow[];
  /** Summaries of every result, once the search view has them. */
  summaries: ReadonlyMap<number, SkeletonSummary> | undefined;
  usersById: ReadonlyMap<number, User> | undefined;
  sortColumn: string | undefined;
}

/** The sort context while no fact column is sorted by: stays the same as rows stream in. */
const NOTHING_KNOWN: FactContext = { summary: () => undefined, login: (id) => `user ${id}` };

function cachedSummaries(
  queryClient: QueryClient,
  scope: ProjectScope,
  rows: readonly ResultRow[],
): Map<number, SkeletonSummary> {
  const out = new Map<number, SkeletonSummary>();
  for (const r of rows) {
    const s = queryClient.getQueryData(skeletonSummaryQuery(scope, r.skeletonId).queryKey);
    if (s) out.set(r.skeletonId, s);
  }
  return out;
}

export function useSearchFacts({ scope, visible, rows, summaries, usersById, sortColumn }: Args) {
  const queryClient = useQueryClient();
  const [chosen, toggle] = useSearchFactChoice();
  const pageOptions = useMemo(() => skeletonSummariesQuery(scope, visible), [scope, visible]);
  const page = useQuery({
    ...pageOptions,
    enabled: chosen.length > 0 && visible.length > 0,
    placeholderData: keepPreviousData,
  });
  const login = useCallback((id: number) => usersById?.get(id)?.login ?? `user ${id}`, [usersById]);
  const shown: FactContext = useMemo(
    () => ({ summary: (id) => page.data?.get(id) ?? summaries?.get(id), login }),
    [page.data, summaries, login],
  );
  const sortsByFact =
    sortColumn !== undefined &&
    chosen.includes(sortColumn) &&
    SEARCH_FACTS.some((f) => f.id === sortColumn);
  const sorted: FactContext = useMemo(() => {
    if (!sortsByFact) return NOTHING_KNOWN;
    const known = summaries ?? cachedSummaries(queryClient, scope, rows);
    return { summary: (id) => known.get(id), login };
  }, [sortsByFact, summaries, queryClient, scope, rows, login]);
  const columns = useMemo(() => searchFactColumns(chosen, shown), [chosen, shown]);
  const sortColumns = useMemo(() => searchFactColumns(chosen, sorted), [chosen, sorted]);

  /** The chosen fact columns for a CSV of these rows, after fetching their summaries. */
  async function csvColumns(exported: readonly ResultRow[]) {
    if (chosen.length === 0) return [];
    const ids = exported.map((r) => r.skeletonId);
    const all = await queryClient.fetchQuery({
      ...skeletonSummariesQuery(scope, ids),
      staleTime: Infinity,
    });
    return searchFactColumns(chosen, { summary: (id) => all.get(id), login });
  }

  return { chosen, toggle, columns, sortColumns, csvColumns, page };
}
