/**
 * POST /{pid}/skeletons/review-status (API ref §4.4): per skeleton [total nodes, reviewed nodes]
 * (reviewed by anyone). Indexed ids only; 1000 per request as pymaid does.
 */
import { z } from 'zod';
import { defineBatchEndpoint, type BatchCallOptions } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import { mergeEntries, numericEntries } from './merge.ts';
import type { ProjectScope } from './scope.ts';
import { defineSkeletonAspect } from './skeleton-aspect.ts';

export const REVIEW_STATUS_ENDPOINT = routeName(ROUTES.reviewStatus);
export const REVIEW_STATUS_CHUNK = 1000;

export interface ReviewStatus {
  nodeCount: number;
  reviewedNodes: number;
}

export const reviewStatusSchema = z.record(
  z.string(),
  z.tuple([z.number(), z.number()]).rest(z.unknown()),
);

/** Percent reviewed, 0–100; 0 for a skeleton without nodes. */
export function reviewedPercent(s: ReviewStatus): number {
  return s.nodeCount > 0 ? (100 * s.reviewedNodes) / s.nodeCount : 0;
}

export const reviewStatusEndpoint = defineBatchEndpoint({
  route: ROUTES.reviewStatus,
  schema: reviewStatusSchema,
  // No ids → the server answers 400 "No skeleton IDs provided"; fetchAll never sends none.
  encode: ({ ids }: { ids: number[]; extra: undefined }) => ({ data: { skeleton_ids: ids } }),
  decode: (wire) =>
    numericEntries(wire).map(([skid, [total, reviewed]]): [number, ReviewStatus] => [
      skid,
      { nodeCount: total, reviewedNodes: reviewed },
    ]),
  batch: { chunkSize: REVIEW_STATUS_CHUNK, concurrency: 2 },
  merge: mergeEntries,
});

export function fetchReviewStatus(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  options: BatchCallOptions<undefined> = {},
): Promise<Map<number, ReviewStatus>> {
  return reviewStatusEndpoint.fetchAll(scope, skeletonIds, options);
}

/** Review status per skeleton, cached per id and batched (see `skeleton-aspect.ts`). */
export const reviewStatus = defineSkeletonAspect<ReviewStatus>({
  aspect: 'review-status',
  listKey: 'review-status',
  fetchMany: (scope, ids) => fetchReviewStatus(scope, ids),
});

export function reviewStatusQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  return reviewStatus.mapQuery(scope, skeletonIds);
}
