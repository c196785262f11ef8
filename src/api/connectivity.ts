/**
 * POST /{pid}/skeletons/connectivity (API ref §5.1): upstream and downstream partners of a set of
 * source skeletons, with CATMAID's five per-confidence counts kept as they are (index k =
 * connections of confidence k+1) so every filter can be recomputed client-side.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

/** Connections of confidence 1..5 (index 0 = confidence 1). */
export type ConfidenceBins = readonly [number, number, number, number, number];

export interface PartnerRecord {
  partnerId: number;
  /** Partner node count (0 when the server has no summary). */
  nodeCount: number;
  /** source skeleton id → confidence histogram; sources without connections are absent. */
  bins: ReadonlyMap<number, ConfidenceBins>;
}

export interface Connectivity {
  /** The sources asked for, in request order. */
  sourceIds: readonly number[];
  /** Partners presynaptic to the sources (`incoming`). */
  upstream: readonly PartnerRecord[];
  /** Partners postsynaptic to the sources (`outgoing`). */
  downstream: readonly PartnerRecord[];
  upstreamReviewers: readonly number[];
  downstreamReviewers: readonly number[];
}

const bins = z.array(z.number()).transform((a, ctx): ConfidenceBins => {
  if (a.length !== 5) {
    ctx.addIssue({ code: 'custom', message: `expected 5 confidence counts, got ${a.length}` });
    return z.NEVER;
  }
  return [a[0] ?? 0, a[1] ?? 0, a[2] ?? 0, a[3] ?? 0, a[4] ?? 0];
});

const partners = z.record(
  z.string(),
  z.object({ num_nodes: z.number().nullish(), skids: z.record(z.string(), bins) }),
);

export const connectivitySchema = z.object({
  incoming: partners.optional(),
  outgoing: partners.optional(),
  incoming_reviewers: z.array(z.number()).optional(),
  outgoing_reviewers: z.array(z.number()).optional(),
});

type Wire = z.infer<typeof connectivitySchema>;

function decodeSide(side: Wire['incoming']): PartnerRecord[] {
  return Object.entries(side ?? {}).map(([partner, p]) => ({
    partnerId: Number(partner),
    nodeCount: p.num_nodes ?? 0,
    bins: new Map(Object.entries(p.skids).map(([s, b]) => [Number(s), b])),
  }));
}

export function decodeConnectivity(wire: Wire, sourceIds: readonly number[]): Connectivity {
  return {
    sourceIds,
    upstream: decodeSide(wire.incoming),
    downstream: decodeSide(wire.outgoing),
    upstreamReviewers: wire.incoming_reviewers ?? [],
    downstreamReviewers: wire.outgoing_reviewers ?? [],
  };
}

/**
 * Always asks with `boolean_op=OR`: AND ("partners shared by all sources") is applied
 * client-side after the confidence and synapse filters, so it means the same in every table.
 */
const connectivityEndpoint = defineEndpoint({
  route: ROUTES.connectivity,
  schema: connectivitySchema,
  encode: (sources: number[]) => ({
    data: [
      ['source_skeleton_ids', sources],
      ['boolean_op', 'OR'],
      ['with_nodes', false],
    ],
  }),
  decode: decodeConnectivity,
});

export async function fetchConnectivity(
  scope: ProjectScope,
  sourceIds: readonly number[],
  { signal }: CallOptions = {},
): Promise<Connectivity> {
  const sources = [...new Set(sourceIds)];
  // No sources → the server answers 500; there is nothing to ask.
  if (sources.length === 0) return decodeConnectivity({}, []);
  return connectivityEndpoint.fetch(scope, sources, { signal });
}

export function connectivityQuery(scope: ProjectScope, sourceIds: readonly number[]) {
  const sources = [...new Set(sourceIds)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'connectivity', { sources }] as const,
    queryFn: ({ signal }) => fetchConnectivity(scope, sources, { signal }),
  });
}
