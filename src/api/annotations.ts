/**
 * GET /{pid}/annotations/ (API ref §3.2): every annotation with the users who used it, or the
 * `simple=true` variant (id + name only). Real servers have tens of thousands of annotations
 * (FAFB: 15,957), so rows are checked by a hand-written loop instead of a per-row zod schema.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { SchemaError } from '../lib/http/errors.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

interface AnnotationUser {
  id: number;
  /** The CATMAID wire calls it `name`; it is the login. */
  login: string;
}

export interface Annotation {
  id: number;
  name: string;
  /** Users who linked this annotation to something; [] in the simple variant. */
  users: AnnotationUser[];
}

const ANNOTATIONS_ENDPOINT = routeName(ROUTES.annotations);

function fail(endpoint: string, where: string, what: string): never {
  throw new SchemaError(endpoint, `${where}: ${what}`);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function decodeUsers(raw: unknown, where: string, endpoint: string): AnnotationUser[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) fail(endpoint, where, 'users is not an array');
  const users: AnnotationUser[] = new Array<AnnotationUser>(raw.length);
  for (let j = 0; j < raw.length; j++) {
    const u: unknown = raw[j];
    if (!isObj(u) || typeof u.id !== 'number' || typeof u.name !== 'string') {
      fail(endpoint, `${where}.users.${j}`, 'expected {id: number, name: string}');
    }
    users[j] = { id: u.id, login: u.name };
  }
  return users;
}

/** Validate and decode `{annotations: [{id, name, users?}]}`. */
export function decodeAnnotations(raw: unknown, endpoint = ANNOTATIONS_ENDPOINT): Annotation[] {
  if (!isObj(raw) || !Array.isArray(raw.annotations))
    fail(endpoint, '(root)', 'expected {annotations: [...]}');
  const rows: unknown[] = raw.annotations;
  const out: Annotation[] = new Array<Annotation>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!isObj(r) || typeof r.id !== 'number' || typeof r.name !== 'string') {
      fail(endpoint, `annotations.${i}`, 'expected {id: number, name: string}');
    }
    out[i] = { id: r.id, name: r.name, users: decodeUsers(r.users, `annotations.${i}`, endpoint) };
  }
  return out;
}

const annotationsEndpoint = defineEndpoint({
  route: ROUTES.annotations,
  // Hand-written decoder: FAFB has ~16,000 annotations with their users.
  schema: z.unknown(),
  encode: (simple: boolean) => ({ data: simple ? { simple: true } : undefined }),
  decode: (raw) => decodeAnnotations(raw),
});

export function fetchAnnotations(
  scope: ProjectScope,
  { signal, simple = false }: CallOptions & { simple?: boolean } = {},
): Promise<Annotation[]> {
  return annotationsEndpoint.fetch(scope, simple, { signal });
}

/** Ids and names only (`simple=true`): enough for name ↔ id lookups and autocompletion. */
export function annotationNamesQuery(scope: ProjectScope) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'annotations', { simple: true }] as const,
    queryFn: ({ signal }) => fetchAnnotations(scope, { signal, simple: true }),
  });
}

/** name → id (annotation names are unique per project). */
export function annotationIdsByName(annotations: readonly Annotation[]): Map<string, number> {
  return new Map(annotations.map((a) => [a.name, a.id]));
}
