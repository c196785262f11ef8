/**
 * Makes sure every wanted skeleton is in the scene: each id is one react-query entry (cached,
 * shared with a later mount) whose fetch goes through the worker pool; results are added to the
 * engine as they arrive. Ids already requested are never requested again (incremental add).
 */
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { projectKey, type ProjectScope } from '../../api/scope.ts';
import type { SkeletonPool } from '../../workers/skeleton-pool.ts';
import { VIEWER_FLAGS, type ViewerResources } from './engine-cache.ts';
import { summarize, type LoadSummary } from './load-tracker.ts';

export function skeleton3dQuery(scope: ProjectScope, pool: SkeletonPool, skeletonId: number) {
  return queryOptions({
    queryKey: [
      ...projectKey(scope),
      'skeletons',
      skeletonId,
      'compact-detail',
      VIEWER_FLAGS,
      '3d',
    ] as const,
    queryFn: () => pool.load(skeletonId),
    staleTime: Infinity,
    retry: false,
  });
}

export function useSkeletonLoading(
  scope: ProjectScope,
  { engine, pool, tracker }: ViewerResources,
  skeletonIds: readonly number[],
): { summary: LoadSummary; retryFailed(): void } {
  const queryClient = useQueryClient();

  const request = useCallback(
    (ids: readonly number[]) => {
      for (const id of ids) {
        const s = tracker.status.get(id);
        if (s && s.state !== 'failed') continue;
        tracker.start(id);
        queryClient
          .fetchQuery(skeleton3dQuery(scope, pool, id))
          .then((item) => {
            engine.addSkeletons([item]);
            tracker.loaded(id, item.detail.nodeCount);
          })
          .catch((e: unknown) => tracker.failed(id, e instanceof Error ? e.message : String(e)));
      }
    },
    [engine, pool, queryClient, scope, tracker],
  );

  useEffect(() => {
    request(skeletonIds.filter((id) => tracker.status.get(id)?.state !== 'failed'));
  }, [request, skeletonIds, tracker]);

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
