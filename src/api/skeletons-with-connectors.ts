/**
 * Skeletons with their connector links (compact-detail, batched): what region analyses need
 * (node positions, parents, synapse locations and relations), one cache entry per id list.
 */
import { queryOptions } from '@tanstack/react-query';
import { projectKey, type ProjectScope } from './scope.ts';
import { fetchSkeletonsBatch } from './skeletons-batch.ts';

export function skeletonsWithConnectorsQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  const skids = [...new Set(skeletonIds)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons-with-connectors', { skids }] as const,
    queryFn: ({ signal }) =>
      fetchSkeletonsBatch(scope, skids, { withConnectors: true }, { signal }),
    // Big typed arrays: comparing old and new answers costs more than it saves.
    structuralSharing: false,
  });
}
