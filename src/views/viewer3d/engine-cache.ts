/**
 * One engine (scene buffers) per server + project, kept across view switches so coming back to
 * the 3D tab shows the neurons at once, with the project's shared worker pool.
 */
import type { ProjectScope } from '../../api/scope.ts';
import { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import type { SkeletonPool } from '../../workers/skeleton-pool.ts';
import { sharedSkeletonPool } from '../../workers/skeleton-query.ts';
import { LoadTracker } from './load-tracker.ts';

export { VIEWER_FLAGS } from './viewer-flags.ts';

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
    r = {
      engine: new ViewerEngine(),
      // The project's one pool, shared with every other view that loads skeletons.
      pool: sharedSkeletonPool(scope),
      tracker: new LoadTracker(),
    };
    cache.set(key, r);
  }
  return r;
}
