/**
 * The creation-time colour mode's data: node creation times per skeleton from compact-detail
 * `with_history` (JSON, live rows: t_b = creation time), the cheapest CATMAID answer carrying
 * them (node/user-info adds editor, reviewers and review times per node). Fetched only while
 * the mode is on, one cached query entry per skeleton (batched on the wire by the worker pool),
 * and handed to the engine, which writes them into the line vertices.
 */
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ProjectScope } from '../../api/scope.ts';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { timeRange } from '../../3d/geometry/creation-time.ts';
import type { ColourMode } from '../../3d/colour-modes/registry.ts';
import type { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import { skeletonQuery } from '../../workers/skeleton-query.ts';

const HISTORY = { withHistory: true } as const;
const NONE: readonly number[] = [];

function answers(results: UseQueryResult<SkeletonDetail>[]): SkeletonDetail[] {
  return results.flatMap((r) => (r.data ? [r.data] : []));
}

/** Returns the oldest and newest creation time fetched so far (null until any arrived). */
export function useCreationTimes(
  scope: ProjectScope,
  engine: ViewerEngine,
  mode: ColourMode,
  skeletonIds: readonly number[],
  invalidate: () => void,
): [number, number] | null {
  const ids = mode === 'ctime' ? skeletonIds : NONE;
  const details = useQueries({
    queries: ids.map((id) => skeletonQuery(scope, id, HISTORY)),
    combine: answers,
  });
  // `combine` is a stable function, so `details` only changes when a query result does.
  const stable = details;
  useEffect(() => {
    engine.creationTimes.set(new Map(stable.map((d) => [d.skeletonId, d])));
    invalidate();
  }, [engine, stable, invalidate]);
  return useMemo(
    () => timeRange(stable.flatMap((d) => (d.creationTimes ? [d.creationTimes] : []))),
    [stable],
  );
}
