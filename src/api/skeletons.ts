/**
 * Skeleton geometry: GET /{pid}/skeletons/{skid}/compact-detail (API ref §4.1), as JSON or
 * msgpack, decoded once into a columnar SkeletonDetail. Batch fetching: skeletons-batch.ts; views
 * get skeletons through workers/skeleton-query.ts (one cache entry per skeleton, batched).
 */
import type { CallOptions } from '../lib/http/client.ts';
import { COMPACT_DETAIL_ENDPOINT, decodeCompactDetail } from './compact-detail-decode.ts';
import { decodeCompactDetailMsgpack } from './compact-detail-msgpack.ts';
import { fillPath } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import type { ProjectScope } from './scope.ts';
import type { SkeletonDetail } from './skeleton-detail.ts';
import {
  compactDetailParams,
  normalizeSkeletonFlags,
  type SkeletonFlags,
} from './skeleton-flags.ts';

export { type SkeletonFlags } from './skeleton-flags.ts';
export type { SkeletonDetail } from './skeleton-detail.ts';

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
