/**
 * Neuron creators. The table shows them for the rows on screen only (one neuron-details request
 * each, cached); sorting and CSV read every creator the cache holds, once, when asked.
 */
import { useQueries, type QueryClient } from '@tanstack/react-query';
import { neuronDetailsQuery } from '../../../api/neuron-details.ts';
import type { ProjectScope } from '../../../api/scope.ts';
import type { User } from '../../../api/users.ts';
import type { ResultRow } from './result-row.ts';

function login(users: ReadonlyMap<number, User> | undefined, id: number): string {
  return users?.get(id)?.login ?? `user ${id}`;
}

export function useVisibleCreators(
  scope: ProjectScope,
  visibleSkeletonIds: readonly number[],
  users: ReadonlyMap<number, User> | undefined,
): ReadonlyMap<number, string> {
  return useQueries({
    queries: visibleSkeletonIds.map((id) => ({
      ...neuronDetailsQuery(scope, id),
      staleTime: Infinity,
    })),
    combine: (results) => {
      const out = new Map<number, string>();
      results.forEach((r, i) => {
        const id = visibleSkeletonIds[i];
        if (r.data && id !== undefined) out.set(id, login(users, r.data.creatorId));
      });
      return out;
    },
  });
}

/** Every creator already in the cache for these rows (one lookup per row). */
export function cachedCreators(
  queryClient: QueryClient,
  scope: ProjectScope,
  rows: readonly ResultRow[],
  users: ReadonlyMap<number, User> | undefined,
): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of rows) {
    const d = queryClient.getQueryData(neuronDetailsQuery(scope, r.skeletonId).queryKey);
    if (d) out.set(r.skeletonId, login(users, d.creatorId));
  }
  return out;
}
