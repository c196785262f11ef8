/**
 * Where an imported skeleton came from: GET|POST /{pid}/skeletons/origin (pymaid `get_origin`,
 * API ref §4.4) answers `{"data_sources": {"<id>": {name, url, source_project_id}}, "origins":
 * {"<skid>": {source_id, data_source_id}}}`; skeletons traced on this server are not listed.
 * One skeleton per page (the Neuron view), so a plain per-skeleton query.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export interface DataSource {
  id: number;
  name: string;
  /** The source CATMAID's root URL, as the importer recorded it. */
  url: string;
  sourceProjectId: number;
}

export interface SkeletonOrigin {
  skeletonId: number;
  /** The skeleton's id on the source server. */
  sourceId: number;
  dataSourceId: number;
  /** undefined when the answer did not list the data source (should not happen). */
  dataSource: DataSource | undefined;
}

const originSchema = z.object({
  data_sources: z.record(
    z.string(),
    z.object({
      name: z.string(),
      url: z.string(),
      source_project_id: z.number().int(),
    }),
  ),
  origins: z.record(
    z.string(),
    z.object({ source_id: z.number().int(), data_source_id: z.number().int() }),
  ),
});

/** Every listed origin by skeleton id, each with its data source resolved. */
function decodeOrigins(wire: z.infer<typeof originSchema>): Map<number, SkeletonOrigin> {
  const sources = new Map<number, DataSource>(
    Object.entries(wire.data_sources).map(([id, d]) => [
      Number(id),
      { id: Number(id), name: d.name, url: d.url, sourceProjectId: d.source_project_id },
    ]),
  );
  return new Map(
    Object.entries(wire.origins).map(([skid, o]) => [
      Number(skid),
      {
        skeletonId: Number(skid),
        sourceId: o.source_id,
        dataSourceId: o.data_source_id,
        dataSource: sources.get(o.data_source_id),
      },
    ]),
  );
}

const originEndpoint = defineEndpoint({
  route: ROUTES.skeletonOrigin,
  schema: originSchema,
  encode: (skeletonIds: readonly number[]) => ({ data: { skeleton_ids: [...skeletonIds] } }),
  decode: (wire) => decodeOrigins(wire),
});

export const fetchOrigins = originEndpoint.fetch;

/** The skeleton's origin, or null when it has no import record (traced on this server). */
export function originQuery(scope: ProjectScope, skeletonId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'origin'] as const,
    queryFn: async ({ signal }) =>
      (await fetchOrigins(scope, [skeletonId], { signal })).get(skeletonId) ?? null,
  });
}
