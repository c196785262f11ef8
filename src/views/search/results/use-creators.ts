/**
 * Neuron creators, fetched only for the rows on screen (one neuron-details request each), and
 * read back from the query cache for sorting and CSV.
 */
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { neuronDetailsQuery } from '../../../api/neuron-details.ts';
import type { ProjectScope } from '../../../api/scope.ts';
import type { User } from '../../../api/users.ts';
import type { ResultRow } from './result-row.ts';

export function useCreators(
  scope: ProjectScope,
  rows: readonly ResultRow[],
  visibleSkeletonIds: readonly number[],
  users: ReadonlyMap<number, User> | undefined,
): ReadonlyMap<number, string> {
  const queryClient = useQueryClient();
  const visible = useQueries({
    queries: visibleSkeletonIds.map((id) => ({
      ...neuronDetailsQuery(scope, id),
      staleTime: Infinity,
    })),
  });
  const resolvedCount = visible.filter((q) => q.data).length;
  return useMemo(() => {
    void resolvedCount; // recompute when another visible row's creator arrives
    const out = new Map<number, string>();
    for (const row of rows) {
      const details = queryClient.getQueryData(neuronDetailsQuery(scope, row.skeletonId).queryKey);
      if (details)
        out.set(
          row.skeletonId,
          users?.get(details.creatorId)?.login ?? `user ${details.creatorId}`,
        );
    }
    return out;
  }, [rows, queryClient, scope, users, resolvedCount]);
}
