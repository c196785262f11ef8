/**
 * The one way any view gets a skeleton's compact-detail: one react-query entry per skeleton and
 * flag set (key `[catmaid, server, pid, 'skeletons', skid, 'compact-detail', flags]`), fetched
 * through the project's one worker pool, which batches ids on the wire. The 3D view reads the
 * whole entry (detail + geometry piece); other views select the detail from the same entry, so
 * a skeleton shown in 3D and analysed in Stats is fetched once.
 */
import { queryOptions } from '@tanstack/react-query';
import { projectKey, type ProjectScope } from '../api/scope.ts';
import type { SkeletonDetail } from '../api/skeleton-detail.ts';
import {
  normalizeSkeletonFlags,
  type NormalizedSkeletonFlags,
  type SkeletonFlags,
} from '../api/skeleton-flags.ts';
import { skeletonWorkerCount } from './skeleton-load-limits.ts';
import { createSkeletonPool, type SkeletonPool } from './skeleton-pool.ts';
import type { LoadedDisplay, LoadedSkeleton } from './skeleton-protocol.ts';

/**
 * The dashboard server's own routes (display forms) beside its CATMAID mount: `/api` for the
 * app's `/api/catmaid`; none for a client pointed elsewhere (then nothing is loaded display
 * first).
 */
function dashboardBaseOf(catmaidBase: string): string | undefined {
  const m = /^(.*)\/catmaid\/?$/.exec(catmaidBase);
  return m ? m[1] : undefined;
}

const pools = new Map<string, SkeletonPool>();

/** One pool (workers + batcher) per client, server and project, shared by every view. */
export function sharedSkeletonPool(scope: ProjectScope): SkeletonPool {
  const key = `${scope.client.baseUrl}|${scope.client.timeoutMs}|${scope.server}|${scope.projectId}`;
  let pool = pools.get(key);
  if (!pool) {
    const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
    pool = createSkeletonPool({
      baseUrl: scope.client.baseUrl,
      timeoutMs: scope.client.timeoutMs,
      server: scope.server,
      projectId: scope.projectId,
      workerCount: skeletonWorkerCount(cores),
      cacheFirst: true,
      dashboardBaseUrl: dashboardBaseOf(scope.client.baseUrl),
    });
    pools.set(key, pool);
  }
  return pool;
}

export function skeletonKey(scope: ProjectScope, skeletonId: number, flags: SkeletonFlags) {
  const options: NormalizedSkeletonFlags = normalizeSkeletonFlags(flags);
  return [...projectKey(scope), 'skeletons', skeletonId, 'compact-detail', options] as const;
}

/** Decoded skeleton plus its 3D geometry piece (built in the worker). */
export function loadedSkeletonQuery(
  scope: ProjectScope,
  skeletonId: number,
  flags: SkeletonFlags,
  pool: SkeletonPool = sharedSkeletonPool(scope),
) {
  const options = normalizeSkeletonFlags(flags);
  return queryOptions({
    queryKey: skeletonKey(scope, skeletonId, options),
    queryFn: ({ signal }): Promise<LoadedSkeleton> =>
      pool.load(skeletonId, { flags: options, signal }),
    staleTime: Infinity,
    // The worker already retried (per batch, then per skeleton): what reaches here is final
    // until the user asks again.
    retry: false,
  });
}

/** The same entry as loadedSkeletonQuery, for views that only need the decoded skeleton. */
export function skeletonQuery(scope: ProjectScope, skeletonId: number, flags: SkeletonFlags = {}) {
  return queryOptions({
    ...loadedSkeletonQuery(scope, skeletonId, flags),
    select: (loaded: LoadedSkeleton): SkeletonDetail => loaded.detail,
  });
}

/**
 * A skeleton's display form (display first: its coarse level, synapses and soma), from the
 * browser's copy or the dashboard server, batched by the pool like compact-detail.
 */
export function loadedDisplayQuery(
  scope: ProjectScope,
  skeletonId: number,
  flags: SkeletonFlags,
  pool: SkeletonPool = sharedSkeletonPool(scope),
) {
  const options = normalizeSkeletonFlags(flags);
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'display', options] as const,
    queryFn: ({ signal }): Promise<LoadedDisplay> =>
      pool.loadDisplay(skeletonId, { flags: options, signal }),
    staleTime: Infinity,
    // A display form that cannot be had is loaded in full instead (two-phase-loader.ts).
    retry: false,
    // Drawn once; the scene keeps it, and its bytes are not needed again.
    gcTime: 0,
  });
}
