/**
 * Makes sure every wanted skeleton is in the scene: each id is one react-query entry (cached,
 * shared with a later mount) whose fetch goes through the worker pool; results are added to the
 * engine as they arrive. Ids already requested are never requested again (incremental add);
 * ids that leave the list while loading are cancelled.
 */
import { CancelledError, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ProjectScope } from '../../api/scope.ts';
import { loadedSkeletonQuery } from '../../workers/skeleton-query.ts';
import { VIEWER_FLAGS, type ViewerResources } from './engine-cache.ts';
import { summarize, type LoadSummary } from './load-tracker.ts';

/**
 * Starting a react-query fetch costs a fraction of a millisecond; a 1,000-neuron selection
 * started in one go blocked the main thread for ~200 ms. Fetches start in slices, one task each
 * (the pool still groups them into the same batched requests).
 */
const FETCHES_PER_TASK = 50;

export function useSkeletonLoading(
  scope: ProjectScope,
  { engine, pool, tracker }: ViewerResources,
  skeletonIds: readonly number[],
): { summary: LoadSummary; retryFailed(): void } {
  const queryClient = useQueryClient();

  const request = useCallback(
    (ids: readonly number[]) => {
      const todo: number[] = [];
      for (const id of ids) {
        const s = tracker.status.get(id);
        if (s && s.state !== 'failed') continue;
        // Marked at once, so a re-render before the fetch starts does not request it again.
        tracker.start(id);
        todo.push(id);
      }
      const fetchOne = (id: number) =>
        queryClient
          .fetchQuery(loadedSkeletonQuery(scope, id, VIEWER_FLAGS, pool))
          .then((item) => {
            engine.addSkeletons([item]);
            tracker.loaded(id, item.detail.nodeCount);
          })
          .catch((e: unknown) => {
            // Cancelled because it left the selection: not a failure; asked again if it returns.
            if (e instanceof CancelledError) tracker.cancelled(id);
            else tracker.failed(id, e instanceof Error ? e.message : String(e));
          });
      const startSlice = (from: number) => {
        for (const id of todo.slice(from, from + FETCHES_PER_TASK)) void fetchOne(id);
        if (from + FETCHES_PER_TASK < todo.length) {
          setTimeout(() => startSlice(from + FETCHES_PER_TASK), 0);
        }
      };
      startSlice(0);
    },
    [engine, pool, queryClient, scope, tracker],
  );

  useEffect(() => {
    request(skeletonIds.filter((id) => tracker.status.get(id)?.state !== 'failed'));
  }, [request, skeletonIds, tracker]);

  // Neurons removed (or hidden) while still loading stop loading: their queries are cancelled,
  // which aborts them in the worker pool (a batch nobody waits for any more is dropped).
  useEffect(() => {
    const wanted = new Set(skeletonIds);
    for (const [id, s] of tracker.status) {
      if (s.state !== 'loading' || wanted.has(id)) continue;
      const { queryKey } = loadedSkeletonQuery(scope, id, VIEWER_FLAGS, pool);
      void queryClient.cancelQueries({ queryKey, exact: true });
    }
  }, [pool, queryClient, scope, skeletonIds, tracker]);

  const version = useSyncExternalStore(tracker.subscribe, tracker.getVersion);
  const summary = useMemo(() => {
    void version;
    return summarize(tracker, skeletonIds);
  }, [tracker, skeletonIds, version]);

  const retryFailed = useCallback(() => {
    request(skeletonIds.filter((id) => tracker.status.get(id)?.state === 'failed'));
  }, [request, skeletonIds, tracker]);

  return { summary, retryFailed };
}
