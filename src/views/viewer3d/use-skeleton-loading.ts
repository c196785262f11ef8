/**
 * Makes sure every wanted skeleton is in the scene, geometry first (two-phase-loader.ts): each
 * id and pass is one react-query entry (cached, shared with a later mount) whose fetch goes
 * through the worker pool; results are added to the engine as they arrive. Ids already
 * requested are never requested again (incremental add); ids that leave the list while loading
 * are cancelled. `wantsExtras`: a shown layer needs connectors or tags (synapses, somata).
 * `displayFirst`: a huge scene: display forms first, full data once the scene is on screen
 * (`requestFull`, called by the readiness signal).
 */
import { CancelledError, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ProjectScope } from '../../api/scope.ts';
import { FIRST_CHUNK_SIZE } from '../../workers/skeleton-load-limits.ts';
import { loadedDisplayQuery, loadedSkeletonQuery } from '../../workers/skeleton-query.ts';
import type { ViewerResources } from './engine-cache.ts';
import { summarize, type LoadSummary } from './load-tracker.ts';
import { createTwoPhaseLoader } from './two-phase-loader.ts';
import { GEOMETRY_FLAGS, VIEWER_FLAGS } from './viewer-flags.ts';

export function useSkeletonLoading(
  scope: ProjectScope,
  { engine, pool, tracker }: ViewerResources,
  skeletonIds: readonly number[],
  wantsExtras: boolean,
  displayFirst = false,
): { summary: LoadSummary; retryFailed(): void; requestFull(): void } {
  const queryClient = useQueryClient();

  const loader = useMemo(
    () =>
      createTwoPhaseLoader({
        tracker,
        fetchGeometry: (id) =>
          queryClient.fetchQuery(loadedSkeletonQuery(scope, id, GEOMETRY_FLAGS, pool)),
        fetchExtras: (id) =>
          queryClient.fetchQuery(loadedSkeletonQuery(scope, id, VIEWER_FLAGS, pool)),
        onGeometry: (item) => engine.addSkeletons([item]),
        onExtras: (item) => engine.addExtras([item]),
        fetchDisplay: (id) =>
          queryClient.fetchQuery(loadedDisplayQuery(scope, id, VIEWER_FLAGS, pool)),
        onDisplay: (item) => engine.addDisplays([item.display]),
        isCancelled: (e) => e instanceof CancelledError,
        lead: FIRST_CHUNK_SIZE,
        announce: (ids) => pool.announce(ids),
      }),
    [engine, pool, queryClient, scope, tracker],
  );

  // The workers start while the view opens, not when the first neurons are asked for.
  useEffect(() => pool.prewarm(), [pool]);

  // A layer that needs connectors or tags is on: the second pass, also for what is drawn.
  useEffect(
    () => loader.setWantsExtras(wantsExtras, skeletonIds),
    [loader, skeletonIds, wantsExtras],
  );

  useEffect(() => {
    const ids = skeletonIds.filter((id) => tracker.status.get(id)?.state !== 'failed');
    loader.request(ids, displayFirst);
  }, [loader, skeletonIds, tracker, displayFirst]);

  // Neurons removed (or hidden) while still loading stop loading: their queries are cancelled,
  // which aborts them in the worker pool (a batch nobody waits for any more is dropped).
  useEffect(() => {
    const wanted = new Set(skeletonIds);
    const cancel = (id: number, flags: typeof GEOMETRY_FLAGS) => {
      const { queryKey } = loadedSkeletonQuery(scope, id, flags, pool);
      void queryClient.cancelQueries({ queryKey, exact: true });
    };
    for (const [id, s] of tracker.status) {
      if (s.state !== 'loading' || wanted.has(id)) continue;
      cancel(id, GEOMETRY_FLAGS);
      const display = loadedDisplayQuery(scope, id, VIEWER_FLAGS, pool);
      void queryClient.cancelQueries({ queryKey: display.queryKey, exact: true });
    }
    for (const [id, f] of tracker.full) {
      if (f.state === 'loading' && !wanted.has(id)) cancel(id, VIEWER_FLAGS);
    }
    for (const [id, s] of tracker.extras) {
      if (s.state === 'loading' && !wanted.has(id)) cancel(id, VIEWER_FLAGS);
    }
  }, [pool, queryClient, scope, skeletonIds, tracker]);

  const version = useSyncExternalStore(tracker.subscribe, tracker.getVersion);
  const summary = useMemo(() => {
    void version;
    return summarize(tracker, skeletonIds);
  }, [tracker, skeletonIds, version]);

  const retryFailed = useCallback(() => loader.retry(skeletonIds), [loader, skeletonIds]);
  const requestFull = useCallback(() => loader.requestFull(), [loader]);

  return { summary, retryFailed, requestFull };
}
