/** POST /{pid}/skeleton/neuronnames (API ref §3.3): skeleton id → neuron name; unknown ids omitted. */
import { z } from 'zod';
import { defineBatchEndpoint, type BatchCallOptions } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import { mergeEntries, numericEntries } from './merge.ts';
import type { ProjectScope } from './scope.ts';
import { defineSkeletonAspect } from './skeleton-aspect.ts';

export const NEURON_NAMES_ENDPOINT = routeName(ROUTES.neuronNames);
/** One POST answers thousands quickly; chunks only keep bodies under nginx's default 1 MB limit. */
export const NEURON_NAMES_CHUNK = 2000;

export const neuronNamesSchema = z.record(z.string(), z.string());

export const neuronNamesEndpoint = defineBatchEndpoint({
  route: ROUTES.neuronNames,
  schema: neuronNamesSchema,
  // No ids → the server answers 500 (TypeError); fetchAll never sends an empty list.
  encode: ({ ids }: { ids: number[]; extra: undefined }) => ({ data: { skids: ids } }),
  decode: (wire) => numericEntries(wire),
  batch: { chunkSize: NEURON_NAMES_CHUNK, concurrency: 2 },
  merge: mergeEntries,
});

export function fetchNeuronNames(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  options: BatchCallOptions<undefined> = {},
): Promise<Map<number, string>> {
  return neuronNamesEndpoint.fetchAll(scope, skeletonIds, options);
}

/** Names per skeleton: `neuronNames.query(scope, skid)` for one, `neuronNamesQuery` for a list. */
export const neuronNames = defineSkeletonAspect<string>({
  aspect: 'name',
  listKey: 'neuron-names',
  fetchMany: (scope, ids) => fetchNeuronNames(scope, ids),
});

export function neuronNamesQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  return neuronNames.mapQuery(scope, skeletonIds);
}
