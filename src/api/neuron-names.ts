/** POST /{pid}/skeleton/neuronnames (API ref §3.3): skeleton id → neuron name; unknown ids omitted. */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { runChunked, type ChunkedOptions } from '../lib/http/chunked.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export const NEURON_NAMES_ENDPOINT = 'POST /{pid}/skeleton/neuronnames';
/** One POST answers thousands quickly; chunks only keep bodies under nginx's default 1 MB limit. */
export const NEURON_NAMES_CHUNK = 2000;
const CONCURRENCY = 2;

export const neuronNamesSchema = z.record(z.string(), z.string());

function toMap(records: readonly Record<string, string>[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const rec of records) for (const [k, v] of Object.entries(rec)) out.set(Number(k), v);
  return out;
}

export async function fetchNeuronNames(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  { signal, onProgress }: CallOptions & Pick<ChunkedOptions, 'onProgress'> = {},
): Promise<Map<number, string>> {
  const unique = [...new Set(skeletonIds)];
  // No ids → the server answers 500 (TypeError); nothing to ask anyway.
  if (unique.length === 0) return new Map();
  const parts = await runChunked(
    unique,
    NEURON_NAMES_CHUNK,
    CONCURRENCY,
    (chunk, chunkSignal) =>
      scope.client.request(neuronNamesSchema, {
        method: 'POST',
        path: `/${scope.projectId}/skeleton/neuronnames`,
        form: { skids: chunk },
        signal: chunkSignal,
        endpoint: NEURON_NAMES_ENDPOINT,
      }),
    { signal, onProgress },
  );
  return toMap(parts);
}

export function neuronNamesQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  // Sorted + de-duplicated so the same set in another order shares one cache entry.
  const skids = [...new Set(skeletonIds)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'neuron-names', { skids }] as const,
    queryFn: ({ signal }) => fetchNeuronNames(scope, skids, { signal }),
  });
}
