/** Volumes: table listing and single volume with X3D mesh (catmaid-api.md §8). */
import { DrfError } from '../http/errors.ts';
import { arg, type ProjectCtx } from '../http/types.ts';
import { ellipsoidMesh, type VolumeMesh } from '../data/mesh.ts';
import type { VolumeMeta } from '../data/types.ts';
import { djangoJson, drfTime } from '../time-format.ts';

const meshes = new Map<number, VolumeMesh>();

function meshOf(v: VolumeMeta): VolumeMesh {
  let m = meshes.get(v.id);
  if (!m) meshes.set(v.id, (m = ellipsoidMesh(v)));
  return m;
}

/** A volume's mesh (and bounding box) by id; undefined when the project has no such volume. */
export function volumeMeshById(ctx: ProjectCtx, volumeId: number): VolumeMesh | undefined {
  const v = ctx.project.meta.volumes.find((x) => x.id === volumeId);
  return v ? meshOf(v) : undefined;
}

const COLUMNS = [
  'id',
  'name',
  'comment',
  'user_id',
  'editor_id',
  'project_id',
  'creation_time',
  'edition_time',
  'annotations',
  'area',
  'volume',
  'watertight',
  'meta_computed',
];

export function volumeList(ctx: ProjectCtx): unknown {
  const ids = ctx.params.intList('volume_ids');
  const data = ctx.project.meta.volumes
    .filter((v) => !ids || ids.includes(v.id))
    .map((v) => {
      const m = meshOf(v);
      return [
        v.id,
        v.name,
        v.comment,
        v.user,
        v.user,
        ctx.project.meta.id,
        djangoJson(v.created),
        djangoJson(v.created),
        null,
        m.area,
        m.volume,
        true,
        true,
      ];
    });
  return { columns: COLUMNS, data };
}

export function volumeDetail(ctx: ProjectCtx): unknown {
  const v = ctx.project.meta.volumes.find((x) => x.id === arg(ctx, 0));
  if (!v) throw new DrfError(404, 'Not found.');
  const m = meshOf(v);
  return {
    id: v.id,
    project_id: ctx.project.meta.id,
    name: v.name,
    comment: v.comment,
    user_id: v.user,
    editor_id: v.user,
    creation_time: drfTime(v.created),
    edition_time: drfTime(v.created),
    bbox: {
      min: { x: m.min[0], y: m.min[1], z: m.min[2] },
      max: { x: m.max[0], y: m.max[1], z: m.max[2] },
    },
    mesh: m.x3d,
  };
}
