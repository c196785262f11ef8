/**
 * Volumes (API ref §8): the list `GET /{pid}/volumes/` (a columns/data table; older servers sent
 * an array of objects) and one volume with its X3D mesh `GET /{pid}/volumes/{vid}/`.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { SchemaError } from '../lib/http/errors.ts';
import { parseWith } from '../lib/http/schema.ts';
import { projectKey, type ProjectScope } from './scope.ts';
import { parseX3dMesh, type TriangleMesh } from './x3d-mesh.ts';

export { parseX3dMesh, type TriangleMesh } from './x3d-mesh.ts';

export const VOLUME_LIST_ENDPOINT = 'GET /{pid}/volumes/';
export const VOLUME_DETAIL_ENDPOINT = 'GET /{pid}/volumes/{vid}/';

export interface VolumeSummary {
  id: number;
  name: string;
  comment: string;
}

export interface Volume extends VolumeSummary {
  mesh: TriangleMesh;
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
});

export async function fetchVolumes(
  scope: ProjectScope,
  { signal }: CallOptions = {},
): Promise<VolumeSummary[]> {
  const raw = await scope.client.get(`/${scope.projectId}/volumes/`, {
    signal,
    endpoint: VOLUME_LIST_ENDPOINT,
  });
  return decodeVolumeList(raw);
}

export async function fetchVolume(
  scope: ProjectScope,
  volumeId: number,
  { signal }: CallOptions = {},
): Promise<Volume> {
  const v = await scope.client.request(detailSchema, {
    method: 'GET',
    path: `/${scope.projectId}/volumes/${volumeId}/`,
    signal,
    endpoint: VOLUME_DETAIL_ENDPOINT,
  });
  return {
    id: v.id,
    name: v.name,
    comment: v.comment ?? '',
    mesh: parseX3dMesh(v.mesh, VOLUME_DETAIL_ENDPOINT),
  };
}

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
