/**
 * Per-neuron topology facts (branch points, end nodes, soma rule, pre/post links) for tables of
 * many neurons: one cache entry per skeleton, `[…scope, 'skeletons', skid, 'facts']`, computed
 * from the compact-detail the 3D view loads (same flags, so a neuron shown in 3D is not fetched
 * again), fetched through the one skeleton pool, which batches the ids on the wire. The decoded
 * skeleton is not kept alive by the facts: its own entry is collected when nothing shows it.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { skeletonFacts, type SkeletonFacts } from '../analysis/morphology/skeleton-facts.ts';
import { projectKey, type ProjectScope } from '../api/scope.ts';
import { listKeyHash } from '../api/skeleton-aspect.ts';
import { normalizeSkeletonFlags } from '../api/skeleton-flags.ts';
import { loadedSkeletonQuery } from './skeleton-query.ts';

/** The 3D view's flags (views/viewer3d/engine-cache.ts), so both share one cache entry. */
const FACT_FLAGS = normalizeSkeletonFlags({
  withConnectors: true,
  withTags: true,
  format: 'msgpack',
});

function skeletonFactsQuery(scope: ProjectScope, skeletonId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'facts'] as const,
    queryFn: async ({ client }): Promise<SkeletonFacts> => {
      const loaded = await client.fetchQuery(loadedSkeletonQuery(scope, skeletonId, FACT_FLAGS));
      return skeletonFacts(loaded.detail);
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** Facts of every id; a skeleton that fails is left out (the table shows it as unknown). */
async function loadFacts(client: QueryClient, scope: ProjectScope, ids: readonly number[]) {
  const out = new Map<number, SkeletonFacts>();
  const settled = await Promise.allSettled(
    ids.map((id) => client.fetchQuery(skeletonFactsQuery(scope, id))),
  );
  settled.forEach((s, k) => {
    const id = ids[k];
    if (s.status === 'fulfilled' && id !== undefined) out.set(id, s.value);
  });
  const failed = settled.find((s) => s.status === 'rejected');
  if (out.size === 0 && failed?.status === 'rejected') throw failed.reason;
  return out;
}

export function skeletonFactsMapQuery(scope: ProjectScope, ids: readonly number[]) {
  const skids = [...new Set(ids)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeleton-facts', { skids }] as const,
    queryKeyHashFn: listKeyHash,
    queryFn: ({ client }) => loadFacts(client, scope, skids),
    staleTime: Infinity,
    retry: false,
  });
}
