/**
 * POST /{pid}/connector/list/many_to_many (API ref §5.4): the synapses between two sets of
 * skeletons, e.g. to highlight those of one pair in 3D. `relation` is the relation of the
 * `from` side: `presynaptic_to` lists synapses from → to.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

/**
 * A synapse side, or a reciprocal relation from connectors/types (`gapjunction_with`, …): with
 * one, CATMAID pairs each link of skids1 with the other links of that relation on the connector.
 */
export type ManyToManyRelation = string;

export interface ConnectorLink {
  connectorId: number;
  connectorPosition: readonly [number, number, number];
  /** The `from` side (skids1). */
  fromTreenodeId: number;
  fromSkeletonId: number;
  fromConfidence: number;
  /** The `to` side (skids2). */
  toTreenodeId: number;
  toSkeletonId: number;
  toConfidence: number;
}

const xyz = z.tuple([z.number(), z.number(), z.number()]);

// [cid, [cx,cy,cz], tn1, skid1, conf1, creator1, [xyz], tn2, skid2, conf2, creator2, [xyz]]
const row = z
  .tuple([z.number(), xyz, z.number(), z.number(), z.number(), z.number(), xyz])
  .rest(z.unknown())
  .transform((r, ctx): ConnectorLink => {
    const [tn2, skid2, conf2] = [r[7], r[8], r[9]];
    if (typeof tn2 !== 'number' || typeof skid2 !== 'number' || typeof conf2 !== 'number') {
      ctx.addIssue({ code: 'custom', message: 'expected a 12-column many_to_many row' });
      return z.NEVER;
    }
    return {
      connectorId: r[0],
      connectorPosition: r[1],
      fromTreenodeId: r[2],
      fromSkeletonId: r[3],
      fromConfidence: r[4],
      toTreenodeId: tn2,
      toSkeletonId: skid2,
      toConfidence: conf2,
    };
  });

const connectorsBetweenSchema = z.array(row);

interface BetweenInput {
  from: readonly number[];
  to: readonly number[];
  relation: ManyToManyRelation;
}

const connectorsBetweenEndpoint = defineEndpoint({
  route: ROUTES.connectorsBetween,
  schema: connectorsBetweenSchema,
  encode: ({ from, to, relation }: BetweenInput) => ({
    data: [
      ['skids1', [...from]],
      ['skids2', [...to]],
      ['relation', relation],
    ],
  }),
  decode: (wire) => wire,
});

export async function fetchConnectorsBetween(
  scope: ProjectScope,
  from: readonly number[],
  to: readonly number[],
  relation: ManyToManyRelation,
  { signal }: CallOptions = {},
): Promise<ConnectorLink[]> {
  if (from.length === 0 || to.length === 0) return [];
  return connectorsBetweenEndpoint.fetch(scope, { from, to, relation }, { signal });
}

/** Distinct connector ids of a link list (a polyadic synapse appears once per partner link). */
export function distinctConnectorIds(links: readonly ConnectorLink[]): number[] {
  return [...new Set(links.map((l) => l.connectorId))];
}

export function connectorsBetweenQuery(
  scope: ProjectScope,
  from: readonly number[],
  to: readonly number[],
  relation: ManyToManyRelation,
) {
  const f = [...new Set(from)].sort((a, b) => a - b);
  const t = [...new Set(to)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'connectors-between', { from: f, to: t, relation }] as const,
    queryFn: ({ signal }) => fetchConnectorsBetween(scope, f, t, relation, { signal }),
  });
}
