/**
 * CATMAID's graph endpoints (API ref §5.5):
 *  - POST /{pid}/graph/dps: the skeletons on directed synaptic paths from sources to targets of
 *    exactly `n_hops` hops (CATMAID meets fronts grown from both ends), each hop ≥ min_synapses.
 *    pymaid's `get_paths` asks once per hop count 1..N and takes the union; so does `pathSkeletons`.
 *  - POST /{pid}/graph/circlesofhell: the n-hop neighbourhood (not used by the Circuits view,
 *    which needs a threshold per hop; kept for the union check and other callers).
 * `min_synapses` must be sent: CATMAID's default (-1) means "infinitely many", i.e. nothing.
 */
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import type { ProjectScope } from './scope.ts';

interface DpsInput {
  sources: readonly number[];
  targets: readonly number[];
  hops: number;
  minSynapses: number;
}

const dpsSchema = z.array(z.number().int());

const dpsEndpoint = defineEndpoint({
  route: ROUTES.graphDps,
  schema: dpsSchema,
  encode: ({ sources, targets, hops, minSynapses }: DpsInput) => ({
    data: [
      ['sources', [...sources]],
      ['targets', [...targets]],
      ['n_hops', hops],
      ['min_synapses', Math.max(1, minSynapses)],
    ],
  }),
  decode: (wire) => wire,
});

/** Union over 1..maxHops of graph/dps: every skeleton that can lie on a qualifying path. */
export async function fetchPathSkeletons(
  scope: ProjectScope,
  input: Omit<DpsInput, 'hops'> & { maxHops: number },
  { signal }: CallOptions = {},
): Promise<number[]> {
  const out = new Set<number>();
  if (input.sources.length === 0 || input.targets.length === 0) return [];
  for (let hops = 1; hops <= input.maxHops; hops++) {
    const ids = await dpsEndpoint.fetch(scope, { ...input, hops }, { signal });
    for (const id of ids) out.add(id);
  }
  return [...out].sort((a, b) => a - b);
}

const circlesSchema = z.tuple([z.array(z.number().int()), z.record(z.string(), z.string())]);

export interface Circles {
  ids: number[];
  names: Map<number, string>;
}

const circlesEndpoint = defineEndpoint({
  route: ROUTES.circlesOfHell,
  schema: circlesSchema,
  encode: (i: { seeds: readonly number[]; circles: number; minPre: number; minPost: number }) => ({
    data: [
      ['skeleton_ids', [...i.seeds]],
      ['n_circles', i.circles],
      ['min_pre', i.minPre],
      ['min_post', i.minPost],
    ],
  }),
  decode: ([ids, names]): Circles => ({
    ids,
    names: new Map(Object.entries(names).map(([k, v]) => [Number(k), v])),
  }),
});

/** Neurons within `circles` hops (-1 disables a direction; not both). */
export function fetchCircles(
  scope: ProjectScope,
  input: { seeds: readonly number[]; circles: number; minPre: number; minPost: number },
  { signal }: CallOptions = {},
): Promise<Circles> {
  return circlesEndpoint.fetch(scope, input, { signal });
}
