/**
 * Project-wide numbers: GET /{pid}/stats/aggregates (totals) and GET /{pid}/stats/nodecount
 * (nodes created per user, all time) — API ref §6.2.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { numericEntries } from './merge.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export interface ProjectAggregates {
  /** nm */
  cableLength: number | null;
  nodes: number | null;
  connectors: number | null;
  skeletons: number | null;
  skeletonsWithCable: number | null;
}

const aggregatesSchema = z.object({
  cable_length_total: z.number().nullish(),
  n_treenodes: z.number().nullish(),
  n_connectors: z.number().nullish(),
  n_skeletons: z.number().nullish(),
  n_skeletons_non_zero_length: z.number().nullish(),
});

const nodeCountSchema = z.record(z.string(), z.number());

const aggregatesEndpoint = defineEndpoint({
  route: ROUTES.statsAggregates,
  schema: aggregatesSchema,
  encode: () => ({}),
  decode: (w): ProjectAggregates => ({
    cableLength: w.cable_length_total ?? null,
    nodes: w.n_treenodes ?? null,
    connectors: w.n_connectors ?? null,
    skeletons: w.n_skeletons ?? null,
    skeletonsWithCable: w.n_skeletons_non_zero_length ?? null,
  }),
});

/** user id → nodes created (all time, imports excluded). */
const nodeCountsEndpoint = defineEndpoint({
  route: ROUTES.statsNodeCount,
  schema: nodeCountSchema,
  encode: () => ({}),
  decode: (w) => new Map(numericEntries(w)),
});

export function fetchAggregates(
  scope: ProjectScope,
  { signal }: CallOptions = {},
): Promise<ProjectAggregates> {
  return aggregatesEndpoint.fetch(scope, undefined, { signal });
}

export function fetchNodeCounts(
  scope: ProjectScope,
  { signal }: CallOptions = {},
): Promise<Map<number, number>> {
  return nodeCountsEndpoint.fetch(scope, undefined, { signal });
}

export function aggregatesQuery(scope: ProjectScope) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'stats', 'aggregates'] as const,
    queryFn: ({ signal }) => fetchAggregates(scope, { signal }),
  });
}

export function nodeCountsQuery(scope: ProjectScope) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'stats', 'nodecount'] as const,
    queryFn: ({ signal }) => fetchNodeCounts(scope, { signal }),
  });
}
