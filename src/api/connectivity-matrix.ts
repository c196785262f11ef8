/**
 * POST /{pid}/skeleton/connectivity_matrix (API ref §5.2): synapse counts row (presynaptic) →
 * column (postsynaptic), sparse on the wire (zeros omitted).
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

/** pre skeleton id → post skeleton id → synapses (only non-zero entries). */
export type AdjacencyCounts = ReadonlyMap<number, ReadonlyMap<number, number>>;

const connectivityMatrixSchema = z.record(
  z.string(),
  z.record(z.string(), z.number().int().nonnegative()),
);

function decodeConnectivityMatrix(wire: z.infer<typeof connectivityMatrixSchema>): AdjacencyCounts {
  const out = new Map<number, Map<number, number>>();
  for (const [row, cols] of Object.entries(wire)) {
    const m = new Map<number, number>();
    for (const [col, n] of Object.entries(cols)) if (n > 0) m.set(Number(col), n);
    out.set(Number(row), m);
  }
  return out;
}

/** Synapses from `pre` onto `post`, 0 when absent. */
export function adjacencyCount(counts: AdjacencyCounts, pre: number, post: number): number {
  return counts.get(pre)?.get(post) ?? 0;
}

const connectivityMatrixEndpoint = defineEndpoint({
  route: ROUTES.connectivityMatrix,
  schema: connectivityMatrixSchema,
  encode: ({ rows, columns }: { rows: readonly number[]; columns: readonly number[] }) => ({
    data: [
      ['rows', [...rows]],
      ['columns', [...columns]],
    ],
  }),
  decode: (wire) => decodeConnectivityMatrix(wire),
});

export async function fetchConnectivityMatrix(
  scope: ProjectScope,
  rows: readonly number[],
  columns: readonly number[],
  { signal }: CallOptions = {},
): Promise<AdjacencyCounts> {
  if (rows.length === 0 || columns.length === 0) return new Map();
  return connectivityMatrixEndpoint.fetch(scope, { rows, columns }, { signal });
}

export function connectivityMatrixQuery(
  scope: ProjectScope,
  rows: readonly number[],
  columns: readonly number[],
) {
  const r = [...new Set(rows)].sort((a, b) => a - b);
  const c = [...new Set(columns)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'connectivity-matrix', { rows: r, columns: c }] as const,
    queryFn: ({ signal }) => fetchConnectivityMatrix(scope, r, c, { signal }),
  });
}
