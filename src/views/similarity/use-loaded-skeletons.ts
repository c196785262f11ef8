/**
 * The selection's skeletons with connectors and tags, from the one skeleton query (the same
 * cache entries as the 3D view's, so neurons already shown in 3D are not fetched again), plus
 * their shape in the form the analysis workers take.
 */
import { useQueries } from '@tanstack/react-query';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import type { SkeletonShape } from '../../workers/analysis-protocol.ts';
import { skeletonQuery } from '../../workers/skeleton-query.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { retryFailed } from '../shared/retry-queries.ts';

/** The 3D view's flags (views/viewer3d/engine-cache.ts): one cache entry per skeleton for both. */
const FLAGS = { withConnectors: true, withTags: true, format: 'msgpack' } as const;

export function useLoadedSkeletons(ids: readonly number[]) {
  const scope = useProjectScope();
  return useQueries({
    queries: ids.map((id) => skeletonQuery(scope, id, FLAGS)),
    combine: (rs) => ({
      details: rs.map((r) => r.data).filter((d): d is SkeletonDetail => d !== undefined),
      pending: rs.filter((r) => r.isPending).length,
      error: rs.find((r) => r.isError)?.error ?? null,
      retrying: rs.some((r) => r.isError && r.isFetching),
      retry: () => retryFailed(...rs),
    }),
  });
}

export function skeletonShape(d: SkeletonDetail): SkeletonShape {
  return {
    skeletonId: d.skeletonId,
    parentIndex: d.parentIndex,
    positions: d.positions,
    somaIndex: d.somaIndex,
    connectorNodeIndex: d.connectors.nodeIndex,
    connectorRelations: d.connectors.relations,
  };
}
