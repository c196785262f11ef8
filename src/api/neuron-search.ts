/** The neuron search: POST /{pid}/annotations/query-targets (API ref §3.1). */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { SchemaError } from '../lib/http/errors.ts';
import { summarizeIssues } from '../lib/http/schema.ts';
import { parseCatmaidTime } from '../lib/http/timestamps.ts';
import { forEachTimeSliced } from '../lib/time-sliced.ts';
import { buildQueryTargetsForm, type NeuronSearchParams } from './neuron-search-form.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export type { NeuronSearchParams } from './neuron-search-form.ts';
export { buildQueryTargetsForm } from './neuron-search-form.ts';

interface EntityAnnotation {
  id: number;
  name: string;
  /** User who linked the annotation to the entity. */
  uid: number;
  /** Link times, epoch ms (only with withTimestamps). */
  creationTime?: number;
  editionTime?: number;
}

export interface SearchEntity {
  /** Neuron (or annotation) id — NOT a skeleton id. */
  id: number;
  name: string;
  /** 'neuron' | 'annotation' | another class name the project has. */
  type: string;
  /** Skeletons modelling this neuron; [] for annotations and skeleton-less neurons. */
  skeletonIds: number[];
  annotations: EntityAnnotation[];
  creationTime?: number;
  editionTime?: number;
}

export interface NeuronSearchResult {
  entities: SearchEntity[];
  /** Total matches, independent of paging. */
  total: number;
}

const time = z
  .string()
  .nullish()
  .transform((s) => (s ? parseCatmaidTime(s) : undefined));

const annotationSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    uid: z.number(),
    creation_time: time,
    edition_time: time,
  })
  .transform((a): EntityAnnotation => {
    const out: EntityAnnotation = { id: a.id, name: a.name, uid: a.uid };
    if (a.creation_time !== undefined) out.creationTime = a.creation_time;
    if (a.edition_time !== undefined) out.editionTime = a.edition_time;
    return out;
  });

const entitySchema = z
  .object({
    id: z.number(),
    name: z.string().optional(),
    type: z.string().optional(),
    skeleton_ids: z.array(z.number()).nullish(),
    annotations: z.array(annotationSchema).optional(),
    creation_time: time,
    edition_time: time,
  })
  .transform((e): SearchEntity => {
    const out: SearchEntity = {
      id: e.id,
      name: e.name ?? '',
      type: e.type ?? '',
      skeletonIds: e.skeleton_ids ?? [],
      annotations: e.annotations ?? [],
    };
    if (e.creation_time !== undefined) out.creationTime = e.creation_time;
    if (e.edition_time !== undefined) out.editionTime = e.edition_time;
    return out;
  });

/**
 * The envelope is checked at once; the entities one by one, in time slices (see below).
 */
const pageSchema = z.object({ entities: z.array(z.unknown()), totalRecords: z.number() });

const QUERY_TARGETS_ENDPOINT = routeName(ROUTES.queryTargets);

export const queryTargetsEndpoint = defineEndpoint({
  route: ROUTES.queryTargets,
  schema: pageSchema,
  encode: (params: NeuronSearchParams) => ({ data: buildQueryTargetsForm(params) }),
  decode: (wire) => wire,
});

export function decodeEntity(raw: unknown, index: number): SearchEntity {
  const r = entitySchema.safeParse(raw);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ ...i, path: ['entities', index, ...i.path] }));
  throw new SchemaError(QUERY_TARGETS_ENDPOINT, summarizeIssues(issues));
}

/**
 * One query-targets answer. Validating and converting a 2,000-entity page in one go blocked the
 * main thread for 30-50 ms (with the garbage collection it causes) per page, so the entities are
 * decoded in slices of a few milliseconds: a page of 50,000 search results never blocks input.
 */
export async function fetchNeuronSearch(
  scope: ProjectScope,
  params: NeuronSearchParams,
  options?: CallOptions,
): Promise<NeuronSearchResult> {
  const wire = await queryTargetsEndpoint.fetch(scope, params, options);
  const entities: SearchEntity[] = [];
  await forEachTimeSliced(wire.entities, (raw, i) => entities.push(decodeEntity(raw, i)));
  options?.signal?.throwIfAborted();
  return { entities, total: wire.totalRecords };
}

export function neuronSearchQuery(scope: ProjectScope, params: NeuronSearchParams) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'neuron-search', params] as const,
    queryFn: ({ signal }) => fetchNeuronSearch(scope, params, { signal }),
  });
}
