/**
 * What a Retry button does for query results: refetch the ones that failed, and for a paged
 * (infinite) query whose later page failed, ask for that page again instead of starting over.
 */

interface RetryableQuery {
  isError: boolean;
  refetch: () => Promise<unknown>;
}

interface PagedQuery extends RetryableQuery {
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Refetches each given query that is in error; the ones that worked are left alone. */
export function retryFailed(...queries: readonly RetryableQuery[]): void {
  for (const q of queries) if (q.isError) void q.refetch();
}

/** Retries the failed page of a paged query: the next page if a later page failed, else page 1. */
export function retryPaged(q: PagedQuery): void {
  if (!q.isError) return;
  if (q.isFetchNextPageError) void q.fetchNextPage();
  else void q.refetch();
}
