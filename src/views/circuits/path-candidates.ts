/**
 * The neurons that can lie on a qualifying path: CATMAID's graph/dps (once per hop count, as
 * pymaid asks) when the server answers it, else the downstream neighbourhood of A grown from the
 * partner tables (maxHops − 1 hops at the same threshold) plus B. Either way the paths themselves
 * are then enumerated from the connectivity matrix of these neurons (analysis/circuit-paths.ts).
 * For a reciprocal link type (gap junctions) graph/dps does not apply (it follows synapses): the
 * neighbourhood is grown from that type's partner tables, in both directions.
 */
import { queryOptions } from '@tanstack/react-query';
import { fetchLinkTypePartners } from '../../api/connectivity-link-type.ts';
import { fetchPathSkeletons } from '../../api/graph-paths.ts';
import { projectKey, type ProjectScope } from '../../api/scope.ts';
import { expandNeighbourhood } from '../../analysis/neighbourhood.ts';
import { CatmaidError, HttpError } from '../../lib/http/errors.ts';

export interface PathCandidates {
  ids: number[];
  via: 'graph/dps' | 'partner tables';
}

interface Input {
  sources: readonly number[];
  targets: readonly number[];
  maxHops: number;
  minSynapses: number;
  /** `synaptic`, or a reciprocal link type (`gapjunction`). */
  linkType?: string;
}

/**
 * A server without the endpoint (Django's 404 page, DRF's 405) or failing inside it (500) gets
 * the fallback; a rejected token, a network error or a cancel is shown as such.
 */
function endpointMissing(e: unknown): boolean {
  return (
    (e instanceof HttpError || e instanceof CatmaidError) && [404, 405, 500, 501].includes(e.status)
  );
}

export async function fetchPathCandidates(
  scope: ProjectScope,
  input: Input,
  signal?: AbortSignal,
): Promise<PathCandidates> {
  const linkType = input.linkType ?? 'synaptic';
  if (linkType === 'synaptic')
    try {
      return { ids: await fetchPathSkeletons(scope, input, { signal }), via: 'graph/dps' };
    } catch (e) {
      if (!endpointMissing(e)) throw e;
    }
  const hops = await expandNeighbourhood(
    input.sources,
    Array.from({ length: Math.max(0, input.maxHops - 1) }, () => input.minSynapses),
    (ids) => fetchLinkTypePartners(scope, ids, linkType, 'downstream', { signal }),
  );
  const ids = new Set([
    ...input.sources,
    ...input.targets,
    ...hops.flatMap((h) => h.members.map((m) => m.id)),
  ]);
  return { ids: [...ids].sort((a, b) => a - b), via: 'partner tables' };
}

export function pathCandidatesQuery(scope: ProjectScope, input: Input) {
  const key = {
    sources: [...new Set(input.sources)].sort((a, b) => a - b),
    targets: [...new Set(input.targets)].sort((a, b) => a - b),
    maxHops: input.maxHops,
    minSynapses: input.minSynapses,
    linkType: input.linkType ?? 'synaptic',
  };
  return queryOptions({
    queryKey: [...projectKey(scope), 'circuit-path-candidates', key] as const,
    queryFn: ({ signal }) => fetchPathCandidates(scope, key, signal),
  });
}
