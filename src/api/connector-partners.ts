/**
 * The selection's synapses with every partner (pymaid get_partners_in_volume's input):
 * POST /{pid}/connectors/ with `with_partners=true` (API ref §5.4) gives each connector's
 * location and all its links (treenode, skeleton, relation id); GET /{pid}/connectors/types/
 * names the relation ids (they differ per server).
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { SchemaError } from '../lib/http/errors.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import { fetchRelationNames } from './connector-types.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export type LinkRelation = 'pre' | 'post' | 'other';

export interface PartnerLink {
  skeletonId: number;
  treenodeId: number;
  relation: LinkRelation;
}

export interface ConnectorWithPartners {
  connectorId: number;
  x: number;
  y: number;
  z: number;
  links: PartnerLink[];
}

const CONNECTORS = routeName(ROUTES.connectorsWithPartners);

const listSchema = z.object({
  connectors: z.array(z.array(z.unknown())),
  partners: z.union([z.record(z.string(), z.array(z.array(z.unknown()))), z.array(z.never())]),
});

/** `relations`: relation id → name, from connectors/types/. */
function decodeConnectorsWithPartners(
  wire: z.infer<typeof listSchema>,
  relations: ReadonlyMap<number, string>,
): ConnectorWithPartners[] {
  const partners = Array.isArray(wire.partners) ? {} : wire.partners;
  return wire.connectors.map((row, i) => {
    const [id, x, y, z] = row;
    if (typeof id !== 'number' || typeof x !== 'number' || typeof y !== 'number')
      throw new SchemaError(CONNECTORS, `connectors[${i}]: id and location must be numbers`);
    if (typeof z !== 'number') throw new SchemaError(CONNECTORS, `connectors[${i}]: z`);
    const links = (partners[String(id)] ?? []).map((p, k): PartnerLink => {
      const [, treenodeId, skeletonId, relationId] = p;
      if (
        typeof treenodeId !== 'number' ||
        typeof skeletonId !== 'number' ||
        typeof relationId !== 'number'
      )
        throw new SchemaError(CONNECTORS, `partners.${id}[${k}]: expected numeric ids`);
      const name = relations.get(relationId);
      const relation =
        name === 'presynaptic_to' ? 'pre' : name === 'postsynaptic_to' ? 'post' : 'other';
      return { skeletonId, treenodeId, relation };
    });
    return { connectorId: id, x, y, z, links };
  });
}

const listEndpoint = defineEndpoint({
  route: ROUTES.connectorsWithPartners,
  schema: listSchema,
  encode: (q: { skeletonIds: readonly number[]; relations: ReadonlyMap<number, string> }) => ({
    data: { skeleton_ids: [...q.skeletonIds], with_partners: true, with_tags: false },
  }),
  decode: (wire, q) => decodeConnectorsWithPartners(wire, q.relations),
});

export async function fetchConnectorsWithPartners(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  { signal }: CallOptions = {},
): Promise<ConnectorWithPartners[]> {
  if (skeletonIds.length === 0) return [];
  const relations = await fetchRelationNames(scope, { signal });
  return listEndpoint.fetch(scope, { skeletonIds, relations }, { signal });
}

export function connectorsWithPartnersQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  const skids = [...new Set(skeletonIds)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'connectors', 'with-partners', { skids }] as const,
    queryFn: ({ signal }) => fetchConnectorsWithPartners(scope, skids, { signal }),
  });
}
