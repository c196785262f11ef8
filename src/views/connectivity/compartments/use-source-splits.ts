/**
 * The axon/dendrite split of each source neuron, computed in the analysis workers from the one
 * skeleton query (compact-detail with connectors, shared with the 3D view), one react-query
 * entry per skeleton so switching panels or sources never recomputes a split.
 */
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { projectKey } from '../../../api/scope.ts';
import type { SkeletonDetail } from '../../../api/skeleton-detail.ts';
import type { SplitResult } from '../../../workers/analysis-protocol.ts';
import { sharedAnalysisPool } from '../../../workers/analysis-pool.ts';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import { retryFailed } from '../../shared/retry-queries.ts';
import { skeletonShape, useLoadedSkeletons } from '../../similarity/use-loaded-skeletons.ts';

export interface SourceSplit extends SplitResult {
  detail: SkeletonDetail;
  /** node id → compartment code. */
  byNodeId: Map<number, number>;
}

export function useSourceSplits(ids: readonly number[]) {
  const scope = useProjectScope();
  const skeletons = useLoadedSkeletons(ids);
  const byId = useMemo(
    () => new Map(skeletons.details.map((d) => [d.skeletonId, d])),
    [skeletons.details],
  );
  const splits = useQueries({
    queries: ids.map((id) => {
      const detail = byId.get(id);
      return {
        queryKey: [...projectKey(scope), 'skeletons', id, 'compartments', 'sum'] as const,
        queryFn: async (): Promise<SourceSplit> => {
          if (!detail) throw new Error(`skeleton ${id} not loaded`);
          const r = await sharedAnalysisPool().split(skeletonShape(detail), 'sum');
          const byNodeId = new Map<number, number>();
          for (let i = 0; i < detail.nodeCount; i++)
            byNodeId.set(detail.nodeIds[i] ?? -1, r.split.compartment[i] ?? 0);
          return { ...r, detail, byNodeId };
        },
        enabled: detail !== undefined,
        staleTime: Infinity,
      };
    }),
    combine: (rs) => ({
      splits: rs.map((r) => r.data).filter((d): d is SourceSplit => d !== undefined),
      pending: rs.filter((r) => r.isPending).length,
      error: rs.find((r) => r.isError)?.error ?? null,
      retry: () => retryFailed(...rs),
    }),
  });
  return {
    splits: splits.splits,
    pending: splits.pending,
    error: skeletons.error ?? splits.error,
    retrying: skeletons.retrying,
    retry: () => {
      skeletons.retry();
      splits.retry();
    },
  };
}
