/**
 * The review colour mode's data: each drawn skeleton's reviews from compact-detail
 * `with_reviews` (one cached query entry per skeleton, batched on the wire by the worker pool),
 * fetched only while the mode is on, and handed to the engine with the reviewer whitelist of
 * this server (the Neuron view's list), which decides whose reviews count.
 */
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ProjectScope } from '../../api/scope.ts';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import type { User } from '../../api/users.ts';
import type { ColourMode } from '../../3d/colour-modes/registry.ts';
import type { ReviewLegendInput } from '../../3d/colour-modes/types.ts';
import type { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import { useReviewerWhitelist } from '../../state/reviewer-whitelist.ts';
import { skeletonQuery } from '../../workers/skeleton-query.ts';

const REVIEWS = { withReviews: true } as const;
const NONE: readonly number[] = [];

function answers(results: UseQueryResult<SkeletonDetail>[]): SkeletonDetail[] {
  return results.flatMap((r) => (r.data ? [r.data] : []));
}

/** Whose reviews count and how many neurons' reviews are in, for the legend (null when off). */
export function useReviewCodes(
  scope: ProjectScope,
  engine: ViewerEngine,
  mode: ColourMode,
  skeletonIds: readonly number[],
  users: readonly User[] | undefined,
  invalidate: () => void,
): ReviewLegendInput | null {
  const on = mode === 'review';
  const ids = on ? skeletonIds : NONE;
  const details = useQueries({
    queries: ids.map((id) => skeletonQuery(scope, id, REVIEWS)),
    combine: answers,
  });
  const listed = useReviewerWhitelist((s) => s.byServer[scope.server]);
  const whitelist = useMemo(() => (listed ? new Set(listed) : null), [listed]);
  useEffect(() => {
    engine.reviewCodes.set(new Map(details.map((d) => [d.skeletonId, d])), whitelist);
    invalidate();
  }, [engine, details, whitelist, invalidate]);
  return useMemo(() => {
    if (!on) return null;
    const login = new Map((users ?? []).map((u) => [u.id, u.login]));
    return {
      reviewers: listed ? listed.map((id) => login.get(id) ?? `user ${id}`) : null,
      coded: details.length,
      total: ids.length,
    };
  }, [on, users, listed, details, ids]);
}
