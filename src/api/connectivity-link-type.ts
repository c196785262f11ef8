/**
 * POST /{pid}/skeletons/connectivity with `link_types[]` (API ref §5.1) for the link types beyond
 * chemical synapses (gap junctions, tight junctions, desmosomes, …): the answer is keyed by the
 * type's name (`{"gapjunction": {partner: {num_nodes, skids}}, "gapjunction_reviewers": […]}`),
 * with the same per-confidence histograms as synapses. These types are reciprocal, so there is
 * one partner list, not upstream and downstream. Synapses keep their own module
 * (connectivity.ts); `partnersOfLinkType` gives either as the same partner records.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import {
  connectivitySchema,
  decodeConnectivity,
  fetchConnectivity,
  type PartnerRecord,
} from './connectivity.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

const partnersSchema = connectivitySchema.shape.incoming.unwrap();
/** `{T: partners, T_reviewers: [user ids]}` for each requested type T. */
const linkTypeSchema = z.record(z.string(), z.union([z.array(z.number()), partnersSchema]));

function decodeLinkTypePartners(
  wire: z.infer<typeof linkTypeSchema>,
  { sources, linkType }: { sources: readonly number[]; linkType: string },
): PartnerRecord[] {
  const raw = wire[linkType];
  const side = raw === undefined || Array.isArray(raw) ? {} : raw;
  return [...decodeConnectivity({ incoming: side }, sources).upstream];
}

const linkTypeEndpoint = defineEndpoint({
  route: ROUTES.connectivity,
  schema: linkTypeSchema,
  encode: ({ sources, linkType }: { sources: readonly number[]; linkType: string }) => ({
    data: [
      ['source_skeleton_ids', [...sources]],
      ['boolean_op', 'OR'],
      ['with_nodes', false],
      ['link_types', [linkType]],
    ],
  }),
  decode: decodeLinkTypePartners,
});

export type PartnerDirection = 'upstream' | 'downstream';

/** Partner records of one link type; `direction` only matters for synapses. */
export async function fetchLinkTypePartners(
  scope: ProjectScope,
  sourceIds: readonly number[],
  linkType: string,
  direction: PartnerDirection,
  { signal }: CallOptions = {},
): Promise<PartnerRecord[]> {
  const sources = [...new Set(sourceIds)];
  if (sources.length === 0) return [];
  if (linkType === 'synaptic') {
    const c = await fetchConnectivity(scope, sources, { signal });
    return [...(direction === 'upstream' ? c.upstream : c.downstream)];
  }
  return linkTypeEndpoint.fetch(scope, { sources, linkType }, { signal });
}

export function linkTypePartnersQuery(
  scope: ProjectScope,
  sourceIds: readonly number[],
  linkType: string,
  direction: PartnerDirection,
) {
  const sources = [...new Set(sourceIds)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'connectivity', { sources, linkType, direction }] as const,
    queryFn: ({ signal }) => fetchLinkTypePartners(scope, sources, linkType, direction, { signal }),
  });
}
