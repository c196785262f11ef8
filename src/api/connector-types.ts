/**
 * GET /{pid}/connectors/types/ (API ref §5.4): the link types the project has (only relations
 * present in the project are listed). Synapses come as two rows (pre and post) of type_id
 * `synaptic-connector`; reciprocal types (gap junctions, tight junctions, desmosomes, abutting)
 * as one row whose `partner_reference` is the key skeletons/connectivity answers under.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export const connectorTypesSchema = z.array(
  z.object({
    name: z.string(),
    type: z.string(),
    type_id: z.string(),
    relation: z.string(),
    relation_id: z.number().optional(),
    isreciprocal: z.boolean().optional(),
    partner_reference: z.string().optional(),
    partner_relation: z.string().optional(),
  }),
);

/** A link type the partner tables can ask for. */
export interface LinkType {
  /** `synaptic` for chemical synapses, else the `link_types[]` name (e.g. `gapjunction`). */
  id: string;
  label: string;
  /** The relation of both sides (`gapjunction_with`), or null for synapses (pre/post). */
  relation: string | null;
}

export const SYNAPTIC: LinkType = { id: 'synaptic', label: 'Chemical synapses', relation: null };

/** Link types as the dashboard offers them: synapses first, then each reciprocal type once. */
export function decodeLinkTypes(wire: z.infer<typeof connectorTypesSchema>): LinkType[] {
  const out: LinkType[] = [];
  const seen = new Set<string>();
  for (const t of wire) {
    if (t.type_id === 'synaptic-connector') {
      if (!seen.has(SYNAPTIC.id)) out.unshift(SYNAPTIC);
      seen.add(SYNAPTIC.id);
      continue;
    }
    const id = t.partner_reference;
    if (!id || !t.isreciprocal || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, label: `${t.name}s`, relation: t.relation });
  }
  return out;
}

/** Relation id → relation name (`presynaptic_to`, …): the ids differ per server. */
function decodeRelationNames(wire: z.infer<typeof connectorTypesSchema>): Map<number, string> {
  const out = new Map<number, string>();
  for (const t of wire) if (t.relation_id !== undefined) out.set(t.relation_id, t.relation);
  return out;
}

const connectorTypesEndpoint = defineEndpoint({
  route: ROUTES.connectorTypes,
  schema: connectorTypesSchema,
  encode: () => ({}),
  decode: (wire) => ({
    linkTypes: decodeLinkTypes(wire),
    relationNames: decodeRelationNames(wire),
  }),
});

export async function fetchLinkTypes(scope: ProjectScope, { signal }: CallOptions = {}) {
  return (await connectorTypesEndpoint.fetch(scope, undefined, { signal })).linkTypes;
}

export async function fetchRelationNames(scope: ProjectScope, { signal }: CallOptions = {}) {
  return (await connectorTypesEndpoint.fetch(scope, undefined, { signal })).relationNames;
}

export function linkTypesQuery(scope: ProjectScope) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'connector-types'] as const,
    queryFn: ({ signal }) => fetchLinkTypes(scope, { signal }),
  });
}
