/**
 * One engine (scene buffers) and one worker pool per server + project, kept across view
 * switches so coming back to the 3D tab shows the neurons at once.
 */
import type { ProjectScope } from '../../api/scope.ts';
import { normalizeSkeletonFlags } from '../../api/skeleton-flags.ts';
import { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import { createSkeletonPool, type SkeletonPool } from '../../workers/skeleton-pool.ts';
import { LoadTracker } from './load-tracker.ts';

/** What the 3D view asks for: nodes, connectors, tags (soma), as msgpack. */
export const VIEWER_FLAGS = normalizeSkeletonFlags({
  withConnectors: true,
  withTags: true,
  format: 'msgpack',
});

export interface ViewerResources {
  engine: ViewerEngine;
  pool: SkeletonPool;
  tracker: LoadTracker;
}

const cache = new Map<string, ViewerResources>();

export function viewerResources(scope: ProjectScope): ViewerResources {
  const key = `${scope.server}|${scope.projectId}|${scope.client.baseUrl}`;
  let r = cache.get(key);
  if (!r) {
    const workerCount = Math.min(Math.max((navigator.hardwareConcurrency || 2) - 1, 1), 3);
    r = {
      engine: new ViewerEngine(),
      pool: createSkeletonPool({
        baseUrl: scope.client.baseUrl,
        server: scope.server,
        projectId: scope.projectId,
        flags: VIEWER_FLAGS,
        workerCount: Math.max(workerCount, 2),
      }),
      tracker: new LoadTracker(),
    };
    cache.set(key, r);
  }
  return r;
}
