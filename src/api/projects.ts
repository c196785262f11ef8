/** Projects and image stacks: GET /projects/, /{pid}/stacks, /{pid}/stack/{sid}/info (API ref §2). */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, serverKey, type ProjectScope, type ServerScope } from './scope.ts';

interface ProjectStack {
  id: number;
  title: string;
  comment: string;
  /** Stack size in pixels [x, y, z]. */
  dimensions: [number, number, number];
}

export interface Project {
  id: number;
  title: string;
  comment: string;
  stacks: ProjectStack[];
}

export interface Stack {
  id: number;
  projectId: number;
  title: string;
  comment: string;
}

interface Vec3 {
  x: number;
  y: number;
  z: number;
}

type StackOrientation = 'xy' | 'xz' | 'zy';

interface StackInfo {
  stackId: number;
  projectId: number;
  title: string;
  projectTitle: string;
  /** nm per pixel. */
  resolution: Vec3;
  /** Project-space offset in nm. */
  translation: Vec3;
  /** Size in pixels. */
  dimension: Vec3;
  orientation: StackOrientation;
  /** -1 = let the client decide. */
  numZoomLevels: number;
  comment: string;
  description: string;
}

const text = z
  .string()
  .nullish()
  .transform((s) => s ?? '');

const projectSchema = z.object({
  id: z.number(),
  title: z.string(),
  comment: text,
  stacks: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      comment: text,
      dimensions: z.tuple([z.number(), z.number(), z.number()]),
    }),
  ),
});
const projectsSchema = z.array(projectSchema);

const stacksSchema = z
  .array(z.object({ id: z.number(), pid: z.number(), title: z.string(), comment: text }))
  .transform((rows): Stack[] =>
    rows.map((r) => ({ id: r.id, projectId: r.pid, title: r.title, comment: r.comment })),
  );

const vec3 = z.object({ x: z.number(), y: z.number(), z: z.number() });
const ORIENTATIONS: readonly StackOrientation[] = ['xy', 'xz', 'zy'];

const stackInfoSchema = z
  .object({
    sid: z.number(),
    pid: z.number(),
    stitle: z.string(),
    ptitle: z.string(),
    resolution: vec3,
    translation: vec3,
    dimension: vec3,
    orientation: z.number().int().min(0).max(2),
    num_zoom_levels: z.number(),
    comment: text,
    description: text,
  })
  .transform((r): StackInfo => ({
    stackId: r.sid,
    projectId: r.pid,
    title: r.stitle,
    projectTitle: r.ptitle,
    resolution: r.resolution,
    translation: r.translation,
    dimension: r.dimension,
    orientation: ORIENTATIONS[r.orientation] ?? 'xy',
    numZoomLevels: r.num_zoom_levels,
    comment: r.comment,
    description: r.description,
  }));

const projectsEndpoint = defineEndpoint({
  route: ROUTES.projects,
  schema: projectsSchema,
  encode: () => ({}),
  decode: (wire) => wire,
});

const stacksEndpoint = defineEndpoint({
  route: ROUTES.stacks,
  schema: stacksSchema,
  encode: () => ({}),
  decode: (wire) => wire,
});

const stackInfoEndpoint = defineEndpoint({
  route: ROUTES.stackInfo,
  schema: stackInfoSchema,
  encode: (stackId: number) => ({ path: { sid: stackId } }),
  decode: (wire) => wire,
});

export function fetchProjects(
  scope: ServerScope,
  { signal }: CallOptions = {},
): Promise<Project[]> {
  return projectsEndpoint.fetch(scope, undefined, { signal });
}

export function fetchStacks(scope: ProjectScope, { signal }: CallOptions = {}): Promise<Stack[]> {
  return stacksEndpoint.fetch(scope, undefined, { signal });
}

export const fetchStackInfo = stackInfoEndpoint.fetch;

export function projectsQuery(scope: ServerScope) {
  return queryOptions({
    queryKey: [...serverKey(scope), 'projects'] as const,
    queryFn: ({ signal }) => fetchProjects(scope, { signal }),
  });
}

export function stacksQuery(scope: ProjectScope) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'stacks'] as const,
    queryFn: ({ signal }) => fetchStacks(scope, { signal }),
  });
}

export function stackInfoQuery(scope: ProjectScope, stackId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'stacks', stackId, 'info'] as const,
    queryFn: ({ signal }) => fetchStackInfo(scope, stackId, { signal }),
  });
}
