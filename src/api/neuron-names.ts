/** POST /{pid}/skeleton/neuronnames (API ref §3.3): skeleton id → neuron name; unknown ids omitted. */
import { z } from 'zod';
import { defineBatchEndpoint, idList } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { mergeEntries, numericEntries } from './merge.ts';
import { defineSkeletonAspect } from './skeleton-aspect.ts';

/** One POST answers thousands quickly; chunks only keep bodies under nginx's default 1 MB limit. */
export const NEURON_NAMES_CHUNK = 2000;

const neuronNamesSchema = z.record(z.string(), z.string());

const neuronNamesEndpoint = defineBatchEndpoint({
  route: ROUTES.neuronNames,
  schema: neuronNamesSchema,
  // No ids → the server answers 500 (TypeError); fetchAll never sends an empty list.
  encode: idList('skids'),
  decode: (wire) => numericEntries(wire),
  batch: { chunkSize: NEURON_NAMES_CHUNK, concurrency: 2 },
  merge: mergeEntries,
});

export const fetchNeuronNames = neuronNamesEndpoint.fetchAll;

/** Names per skeleton: `neuronNames.query(scope, skid)` for one, `neuronNamesQuery` for a list. */
export const neuronNames = defineSkeletonAspect<string>({
  aspect: 'name',
  listKey: 'neuron-names',
  fetchMany: fetchNeuronNames,
});

export const neuronNamesQuery = neuronNames.mapQuery;
