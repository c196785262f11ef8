/** Shared types of the demo server's request handling. */
import type { ProjectIndex } from '../data/project-index.ts';
import type { DemoUser } from '../data/types.ts';
import type { Params } from './params.ts';

export interface DemoStore {
  users: DemoUser[];
  projects: Map<number, ProjectIndex>;
}

export interface Ctx {
  method: string;
  params: Params;
  /** Path captures after the project ID. */
  args: string[];
  store: DemoStore;
  /** Base URL of this server (for stack mirror URLs). */
  baseUrl: string;
}

export interface ProjectCtx extends Ctx {
  project: ProjectIndex;
}

/** A non-JSON (or non-200) answer. */
export class Raw {
  constructor(
    readonly body: Buffer | string,
    readonly contentType: string,
    readonly status = 200,
  ) {}
}

export type Handler = (ctx: Ctx) => unknown;
export type ProjectHandler = (ctx: ProjectCtx) => unknown;

/** Parse a path ID (path regexes only admit digits, so this cannot fail). */
export const arg = (ctx: Ctx, i: number): number => Number(ctx.args[i] ?? Number.NaN);
