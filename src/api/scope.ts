/**
 * Which CATMAID server (and project) a query talks to. The `server` string is part of every
 * query key so two upstreams never share cache entries; the client itself is not (it is not
 * serialisable) but is fixed per server.
 */
import type { CatmaidClient } from '../lib/http/client.ts';

export interface ServerScope {
  client: CatmaidClient;
  /** Stable key naming the upstream, used in query keys (e.g. the proxy target's origin). */
  server: string;
}

export interface ProjectScope extends ServerScope {
  projectId: number;
}

export function serverKey(scope: ServerScope): readonly ['catmaid', string] {
  return ['catmaid', scope.server] as const;
}

export function projectKey(scope: ProjectScope): readonly ['catmaid', string, number] {
  return ['catmaid', scope.server, scope.projectId] as const;
}
