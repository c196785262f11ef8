/** A worker `load` request for the worker tests: the app's URLs, project 1 on server 's'. */
import type { NormalizedSkeletonFlags } from '../api/skeleton-flags.ts';
import type { LoadRequest } from './skeleton-protocol.ts';

export function testLoadRequest(
  ids: number[],
  flags: NormalizedSkeletonFlags,
  extra: Partial<LoadRequest> = {},
): LoadRequest {
  return {
    type: 'load',
    requestId: 1,
    baseUrl: '/api/catmaid',
    timeoutMs: 30_000,
    server: 's',
    projectId: 1,
    skeletonIds: ids,
    flags,
    useCache: true,
    ...extra,
  };
}
