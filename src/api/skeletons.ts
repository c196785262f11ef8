/**
 * Skeleton geometry: GET /{pid}/skeletons/{skid}/compact-detail (API ref §4.1), as JSON or
 * msgpack, decoded once into a columnar SkeletonDetail. Batch fetching: skeletons-batch.ts.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CallOptions } from '../lib/http/client.ts';
import { COMPACT_DETAIL_ENDPOINT, decodeCompactDetail } from './compact-detail-decode.ts';
import { decodeCompactDetailMsgpack } from './compact-detail-msgpack.ts';
import { fillPath } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';
import { sharedSkeletonLoader } from './skeleton-loader.ts';
import type { SkeletonDetail } from './skeleton-detail.ts';
import {
  compactDetailParams,
  normalizeSkeletonFlags,
  type SkeletonFlags,
} from './skeleton-flags.ts';

export { decodeCompactDetail } from './compact-detail-decode.ts';
export {
  compactDetailParams,
  normalizeSkeletonFlags,
  type NormalizedSkeletonFlags,
  type SkeletonFlags,
  type SkeletonFormat,
} from './skeleton-flags.ts';
export type { SkeletonConnectors, SkeletonDetail, SkeletonReviews } from './skeleton-detail.ts';

export async function fetchSkeleton(
  scope: ProjectScope,
  skeletonId: number,
  flags: SkeletonFlags = {},
  { signal }: CallOptions = {},
): Promise<SkeletonDetail> {
  const f = normalizeSkeletonFlags(flags);
  const path = fillPath(ROUTES.compactDetail, scope, { skid: skeletonId });
  const params = compactDetailParams(f);
  const opts = { params, signal, endpoint: COMPACT_DETAIL_ENDPOINT };
  if (f.format === 'msgpack') {
    const bytes = new Uint8Array(await scope.client.getBinary(path, opts));
    return decodeCompactDetailMsgpack(bytes, skeletonId, COMPACT_DETAIL_ENDPOINT);
  }
  return decodeCompactDetail(await scope.client.get(path, opts), skeletonId);
}

/**
 * One cache entry per skeleton and flag set. The fetch joins the shared batching loader: ids
 * asked for within a few ms share one POST (convention 6: cache per skeleton, batch on the wire).
 */
export function skeletonQuery(scope: ProjectScope, skeletonId: number, flags: SkeletonFlags = {}) {
  const options = normalizeSkeletonFlags(flags);
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'compact-detail', options] as const,
    queryFn: ({ signal }) => sharedSkeletonLoader(scope, options).load(skeletonId, signal),
  });
}

/**
 * Same cache entry as skeletonQuery, fetched with the single-skeleton GET (for a server or proxy
 * without the batch endpoint, or when exactly one skeleton is ever shown).
 */
export function skeletonSingleQuery(
  scope: ProjectScope,
  skeletonId: number,
  flags: SkeletonFlags = {},
) {
  const options = normalizeSkeletonFlags(flags);
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'compact-detail', options] as const,
    queryFn: ({ signal }) => fetchSkeleton(scope, skeletonId, options, { signal }),
  });
}
