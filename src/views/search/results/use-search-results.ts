/**
 * Runs a resolved search: query-targets pages (loaded progressively), an explicit id set, a
 * connectivity criterion, and combines them (intersection). Server data stays in react-query.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { annotationsForSkeletonsQuery } from '../../../api/annotations-for-skeletons.ts';
import { neuronNamesQuery } from '../../../api/neuron-names.ts';
import type { ProjectScope } from '../../../api/scope.ts';
import { searchRowPagesQuery } from '../../../workers/search-rows-query.ts';
import { retryFailed, retryPaged } from '../../shared/retry-queries.ts';
import type { ResolvedSearch } from './resolve-criteria.ts';
import type { ResultRow } from './result-row.ts';
import { rowsOfPages } from './rows-of-page.ts';
import { usePartnerSet } from './use-partner-set.ts';
import { useRegionSet } from './use-region-set.ts';

// Pages are decoded in a worker; 2,000 rows keep each page's row objects a small main-thread task.
const SEARCH_PAGE_SIZE = 2000;
/** Beyond this many matches the table shows the first ones and asks to narrow the search. */
const MAX_RESULT_ROWS = 100_000;

export interface SearchResults {
  rows: ResultRow[] | null;
  /** Matches reported by the server (for query-targets, before any id/connectivity intersection). */
  total: number | null;
  loaded: number;
  loading: boolean;
  capped: boolean;
  error: unknown;
  /** Ids of an id list that the server does not know. */
  notFound: number[];
  /** Region candidates left untested (over the cap): matches among them are missing. */
  regionUntested: number;
  /** Repeats every failed request of this search (the failed page only, for paged results). */
  retry: () => void;
}

export function useSearchResults(
  scope: ProjectScope,
  resolved: ResolvedSearch | null,
): SearchResults {
  const targets = resolved?.targets ?? null;
  const pages = useInfiniteQuery({
    ...searchRowPagesQuery(
      scope,
      targets ?? { types: ['neuron'] },
      SEARCH_PAGE_SIZE,
      MAX_RESULT_ROWS,
    ),
    enabled: targets !== null,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = pages;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const partnerSet = usePartnerSet(scope, resolved?.connectivity ?? null);
  const region = useRegionSet(scope, resolved?.region ?? null);
  // The region criterion joins the partner criterion as one more id set to intersect.
  const partnerIds = partnerSet.skeletonIds;
  const regionIds = region.skeletonIds;
  const setIds = useMemo(
    () =>
      partnerIds && regionIds
        ? new Set([...partnerIds].filter((id) => regionIds.has(id)))
        : (partnerIds ?? regionIds),
    [partnerIds, regionIds],
  );
  const partners = {
    skeletonIds: setIds,
    loading: partnerSet.loading || region.loading,
    error: partnerSet.error ?? region.error,
    retry: () => {
      partnerSet.retry();
      region.retry();
    },
  };
  const idSet = useMemo(() => {
    const ids = resolved?.skeletonIds ?? null;
    const partnerIds = partners.skeletonIds;
    if (ids && partnerIds) return ids.filter((id) => partnerIds.has(id));
    return ids ?? (partnerIds ? [...partnerIds] : null);
  }, [resolved?.skeletonIds, partners.skeletonIds]);

  // Rows for an id set without name/annotation criteria come from neuronnames + forskeletons.
  const setOnly = targets === null && idSet !== null;
  const names = useQuery({
    ...neuronNamesQuery(scope, idSet ?? []),
    enabled: idSet !== null && idSet.length > 0,
  });
  const setAnnotations = useQuery({
    ...annotationsForSkeletonsQuery(scope, idSet ?? []),
    enabled: setOnly && idSet.length > 0,
  });

  const retry = () => {
    retryPaged(pages);
    partners.retry();
    retryFailed(names, setAnnotations);
  };
  const result = useMemo((): Omit<SearchResults, 'retry' | 'regionUntested'> => {
    const empty: Omit<SearchResults, 'retry' | 'regionUntested'> = {
      rows: null,
      total: null,
      loaded: 0,
      loading: false,
      capped: false,
      error: null,
      notFound: [],
    };
    if (!resolved) return empty;
    const notFound =
      names.data && idSet ? (resolved.skeletonIds ?? []).filter((id) => !names.data.has(id)) : [];
    const error = pages.error ?? partners.error ?? names.error ?? setAnnotations.error ?? null;
    if (targets) {
      const loadedRows = pages.data ? rowsOfPages(pages.data.pages) : [];
      const total = pages.data?.pages[0]?.total ?? null;
      const waitingForSet = idSet === null && partners.loading;
      const keep = idSet ? new Set(idSet) : null;
      return {
        rows:
          pages.data && !waitingForSet
            ? keep
              ? loadedRows.filter((r) => keep.has(r.skeletonId))
              : loadedRows
            : null,
        total: keep ? null : total,
        loaded: loadedRows.length,
        // Between two pages nothing is fetching for a moment: more pages still mean "loading"
        // (unless a page failed: then nothing more comes until Retry or a new Search).
        loading:
          pages.isFetching ||
          (pages.hasNextPage && !pages.isError) ||
          partners.loading ||
          (idSet !== null && names.isFetching),
        capped: total !== null && total > MAX_RESULT_ROWS,
        error,
        notFound,
      };
    }
    if (idSet === null) return { ...empty, loading: partners.loading, error };
    if (idSet.length === 0) return { ...empty, rows: [], total: 0, error };
    const rows =
      names.data && setAnnotations.data
        ? idSet
            .filter((id) => names.data.has(id))
            .map((skeletonId) => ({
              skeletonId,
              neuronId: null,
              name: names.data.get(skeletonId) ?? '',
              annotations: (setAnnotations.data.get(skeletonId) ?? []).map((a) => ({
                id: a.id,
                name: a.name,
              })),
            }))
        : null;
    return {
      rows,
      total: rows?.length ?? null,
      loaded: rows?.length ?? 0,
      loading: names.isFetching || setAnnotations.isFetching || partners.loading,
      capped: false,
      error,
      notFound,
    };
  }, [
    resolved,
    targets,
    pages.data,
    pages.isFetching,
    pages.hasNextPage,
    pages.isError,
    pages.error,
    partners.loading,
    partners.error,
    idSet,
    names.data,
    names.isFetching,
    names.error,
    setAnnotations.data,
    setAnnotations.isFetching,
    setAnnotations.error,
  ]);
  return { ...result, regionUntested: region.untested, retry };
}
