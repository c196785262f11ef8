/**
 * POST /{pid}/skeletons/review-status (API ref §4.4): per skeleton [total nodes, reviewed nodes]
 * (reviewed by anyone). Indexed ids only; 1000 per request as pymaid does.
 */
import { z } from 'zod';
import { defineBatchEndpoint, idList } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { mergeEntries, numericEntries } from './merge.ts';
import { defineSkeletonAspect } from './skeleton-aspect.ts';

const REVIEW_STATUS_CHUNK = 1000;

export interface ReviewStatus {
  nodeCount: number;
  reviewedNodes: number;
}

const reviewStatusSchema = z.record(
  z.string(),
  z.tuple([z.number(), z.number()]).rest(z.unknown()),
);

/** Percent reviewed, 0–100; 0 for a skeleton without nodes. */
export function reviewedPercent(s: ReviewStatus): number {
  return s.nodeCount > 0 ? (100 * s.reviewedNodes) / s.nodeCount : 0;
}

const reviewStatusEndpoint = defineBatchEndpoint({
  route: ROUTES.reviewStatus,
  schema: reviewStatusSchema,
  // No ids → the server answers 400 "No skeleton IDs provided"; fetchAll never sends none.
  encode: idList('skeleton_ids'),
  decode: (wire) =>
    numericEntries(wire).map(([skid, [total, reviewed]]): [number, ReviewStatus] => [
      skid,
      { nodeCount: total, reviewedNodes: reviewed },
    ]),
  batch: { chunkSize: REVIEW_STATUS_CHUNK, concurrency: 2 },
  merge: mergeEntries,
});

export const fetchReviewStatus = reviewStatusEndpoint.fetchAll;

/** Review status per skeleton, cached per id and batched (see `skeleton-aspect.ts`). */
const reviewStatus = defineSkeletonAspect<ReviewStatus>({
  aspect: 'review-status',
  listKey: 'review-status',
  fetchMany: fetchReviewStatus,
});

export const reviewStatusQuery = reviewStatus.mapQuery;
