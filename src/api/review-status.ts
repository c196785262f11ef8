/**
 * POST /{pid}/skeletons/review-status (API ref §4.4): per skeleton [total nodes, reviewed nodes]
 * (reviewed by anyone). Indexed ids only; 1000 per request as pymaid does.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { runChunked } from '../lib/http/chunked.ts';
import type { CallOptions } from '../lib/http/client.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export const REVIEW_STATUS_ENDPOINT = 'POST /{pid}/skeletons/review-status';
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

export async function fetchReviewStatus(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  { signal }: CallOptions = {},
): Promise<Map<number, ReviewStatus>> {
  const ids = [...new Set(skeletonIds)];
  const out = new Map<number, ReviewStatus>();
  // No ids → the server answers 400 "No skeleton IDs provided".
  if (ids.length === 0) return out;
  const parts = await runChunked(
    ids,
    REVIEW_STATUS_CHUNK,
    2,
    (chunk, chunkSignal) =>
      scope.client.request(reviewStatusSchema, {
        method: 'POST',
        path: `/${scope.projectId}/skeletons/review-status`,
        form: { skeleton_ids: chunk },
        signal: chunkSignal,
        endpoint: REVIEW_STATUS_ENDPOINT,
      }),
    { signal },
  );
  for (const part of parts)
    for (const [skid, [total, reviewed]] of Object.entries(part))
      out.set(Number(skid), { nodeCount: total, reviewedNodes: reviewed });
  return out;
}

export function reviewStatusQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  const skids = [...new Set(skeletonIds)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'review-status', { skids }] as const,
    queryFn: ({ signal }) => fetchReviewStatus(scope, skids, { signal }),
  });
}
