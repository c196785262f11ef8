/**
 * GET /{pid}/skeletons/{skid}/neuron-details (API ref §3.3): the neuron behind a skeleton, with
 * its creator and creation time. One request per skeleton, so tables ask only for visible rows.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { parseCatmaidTime } from '../lib/http/timestamps.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

interface NeuronDetails {
  neuronId: number;
  name: string;
  creatorId: number;
  /** epoch ms */
  createdAt: number | undefined;
}

const neuronDetailsSchema = z
  .object({
    neuron_id: z.number(),
    name: z.string(),
    user_id: z.number(),
    creation_time: z.string(),
  })
  .transform((r): NeuronDetails => ({
    neuronId: r.neuron_id,
    name: r.name,
    creatorId: r.user_id,
    createdAt: parseCatmaidTime(r.creation_time),
  }));

const neuronDetailsEndpoint = defineEndpoint({
  route: ROUTES.neuronDetails,
  schema: neuronDetailsSchema,
  encode: (skeletonId: number) => ({ path: { skid: skeletonId } }),
  decode: (wire) => wire,
});

const fetchNeuronDetails = neuronDetailsEndpoint.fetch;

export function neuronDetailsQuery(scope: ProjectScope, skeletonId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'neuron-details'] as const,
    queryFn: ({ signal }) => fetchNeuronDetails(scope, skeletonId, { signal }),
  });
}
