/** Server, project, stack and user metadata endpoints (catmaid-api.md §2). */
import { DrfError } from '../http/errors.ts';
import { arg, type Ctx, type ProjectCtx } from '../http/types.ts';
import type { ProjectIndex } from '../data/project-index.ts';
import { ANONYMOUS_USER_ID } from '../data/users.ts';

const SERVER_VERSION = '2021.12.21.dev305+g7d9f83618';

export const version = (): unknown => ({ SERVER_VERSION });

function sortedProjects(ctx: Ctx): ProjectIndex[] {
  return [...ctx.store.projects.values()].sort((a, b) => a.meta.title.localeCompare(b.meta.title));
}

export function projects(ctx: Ctx): unknown {
  return sortedProjects(ctx).map((p) => ({
    comment: p.meta.comment,
    id: p.meta.id,
    stackgroups: [],
    stacks: [
      {
        comment: p.meta.stack.comment,
        dimensions: p.meta.stack.dimension,
        id: p.meta.stack.id,
        title: p.meta.stack.title,
      },
    ],
    title: p.meta.title,
  }));
}

export function project(ctx: Ctx): unknown {
  const p = ctx.store.projects.get(arg(ctx, 0));
  if (!p) throw new DrfError(404, 'Not found.');
  return { id: p.meta.id, title: p.meta.title, comment: p.meta.comment };
}

export function stacks(ctx: ProjectCtx): unknown {
  const { meta } = ctx.project;
  return [
    { comment: meta.stack.comment, id: meta.stack.id, pid: meta.id, title: meta.stack.title },
  ];
}

export function stackInfo(ctx: ProjectCtx): unknown {
  const { meta } = ctx.project;
  const sid = arg(ctx, 0);
  if (sid !== meta.stack.id) throw new DrfError(404, 'Not found.');
  const [dx, dy, dz] = meta.stack.dimension;
  return {
    attribution: null,
    broken_slices: {},
    canary_location: { x: 0, y: 0, z: 0 },
    comment: meta.stack.comment,
    description: 'Placeholder stack metadata: the demo server serves no image tiles.',
    dimension: { x: dx, y: dy, z: dz },
    downsample_factors: null,
    metadata: null,
    mirrors: [
      {
        file_extension: 'jpg',
        id: meta.stack.id,
        image_base: `${ctx.baseUrl}static/no-tiles/`,
        position: 0,
        tile_height: 512,
        tile_source_type: 1,
        tile_width: 512,
        title: 'placeholder (no tiles)',
      },
    ],
    num_zoom_levels: -1,
    orientation: 0,
    pid: meta.id,
    placeholder_color: { a: 1.0, b: 0.0, g: 0.0, r: 0.0 },
    ptitle: meta.title,
    resolution: { x: 3.8, y: 3.8, z: 50.0 },
    sid,
    stitle: meta.stack.title,
    translation: { x: 0.0, y: 0.0, z: 0.0 },
  };
}

export function userList(ctx: Ctx): unknown {
  return ctx.store.users.map((u) => ({
    id: u.id,
    login: u.login,
    full_name: `${u.firstName} ${u.lastName}`.trim(),
    first_name: u.firstName,
    last_name: u.lastName,
    color: u.color,
    primary_group_id: null,
  }));
}

/** Who am I: every demo request runs as the anonymous user (read-only server). */
export function login(): unknown {
  return {
    longname: 'AnonymousUser',
    userid: ANONYMOUS_USER_ID,
    username: 'AnonymousUser',
    is_superuser: false,
    is_authenticated: false,
    userprofile: {},
    permissions: [],
    domain: [],
  };
}

export const ANONYMOUS_TOKEN = 'dead0000beef0000cafe0000f00d000000000001';

export const anonymousToken = (): unknown => ({ token: ANONYMOUS_TOKEN });
