/**
 * Volumes (API ref §8): the list `GET /{pid}/volumes/` (a columns/data table; older servers sent
 * an array of objects) and one volume with its X3D mesh `GET /{pid}/volumes/{vid}/`.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { SchemaError } from '../lib/http/errors.ts';
import { parseWith } from '../lib/http/schema.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';
import { parseX3dMesh, type TriangleMesh } from './x3d-mesh.ts';

export { parseX3dMesh } from './x3d-mesh.ts';

const VOLUME_LIST_ENDPOINT = routeName(ROUTES.volumes);
const VOLUME_DETAIL_ENDPOINT = routeName(ROUTES.volumeDetail);

export interface VolumeSummary {
  id: number;
  name: string;
  comment: string;
}

export interface Volume extends VolumeSummary {
  mesh: TriangleMesh;
  /** The server's bounding box (nm); null when the answer has none (older servers). */
  bbox: { min: [number, number, number]; max: [number, number, number] } | null;
}

const tableSchema = z.object({
  columns: z.array(z.string()),
  data: z.array(z.array(z.unknown())).optional(),
  aaData: z.array(z.array(z.unknown())).optional(),
});
const legacySchema = z.array(
  z.object({ id: z.number(), name: z.string(), comment: z.string().nullish() }),
);

export function decodeVolumeList(raw: unknown): VolumeSummary[] {
  if (Array.isArray(raw)) {
    return parseWith(legacySchema, raw, VOLUME_LIST_ENDPOINT).map((v) => ({
      id: v.id,
      name: v.name,
      comment: v.comment ?? '',
    }));
  }
  const table = parseWith(tableSchema, raw, VOLUME_LIST_ENDPOINT);
  const col = (name: string) => table.columns.indexOf(name);
  const [idCol, nameCol, commentCol] = [col('id'), col('name'), col('comment')];
  if (idCol < 0 || nameCol < 0)
    throw new SchemaError(VOLUME_LIST_ENDPOINT, 'columns lack "id" or "name"');
  return (table.data ?? table.aaData ?? []).map((row, i) => {
    const id = row[idCol];
    const name = row[nameCol];
    const comment = commentCol >= 0 ? row[commentCol] : '';
    if (typeof id !== 'number' || typeof name !== 'string')
      throw new SchemaError(VOLUME_LIST_ENDPOINT, `data[${i}]: expected a numeric id and a name`);
    return { id, name, comment: typeof comment === 'string' ? comment : '' };
  });
}

const detailSchema = z.object({
  id: z.number(),
  name: z.string(),
  comment: z.string().nullish(),
  mesh: z.string().nullish(),
  bbox: z
    .object({
      min: z.object({ x: z.number(), y: z.number(), z: z.number() }),
      max: z.object({ x: z.number(), y: z.number(), z: z.number() }),
    })
    .nullish(),
});

const volumeListEndpoint = defineEndpoint({
  route: ROUTES.volumes,
  // Two wire shapes (table, legacy array): the decoder tells them apart.
  schema: z.unknown(),
  encode: () => ({}),
  decode: (raw) => decodeVolumeList(raw),
});

const volumeDetailEndpoint = defineEndpoint({
  route: ROUTES.volumeDetail,
  schema: detailSchema,
  encode: (volumeId: number) => ({ path: { vid: volumeId } }),
  decode: (v): Volume => ({
    id: v.id,
    name: v.name,
    comment: v.comment ?? '',
    mesh: parseX3dMesh(v.mesh, VOLUME_DETAIL_ENDPOINT),
    bbox: v.bbox
      ? {
          min: [v.bbox.min.x, v.bbox.min.y, v.bbox.min.z],
          max: [v.bbox.max.x, v.bbox.max.y, v.bbox.max.z],
        }
      : null,
  }),
});

function fetchVolumes(scope: ProjectScope, { signal }: CallOptions = {}): Promise<VolumeSummary[]> {
  return volumeListEndpoint.fetch(scope, undefined, { signal });
}

export const fetchVolume = volumeDetailEndpoint.fetch;

export function volumesQuery(scope: ProjectScope) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'volumes'] as const,
    queryFn: ({ signal }) => fetchVolumes(scope, { signal }),
  });
}

export function volumeQuery(scope: ProjectScope, volumeId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'volumes', volumeId] as const,
    queryFn: ({ signal }) => fetchVolume(scope, volumeId, { signal }),
  });
}
