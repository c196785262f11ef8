/** GET /user-list (API ref §2). There is no per-project user list. */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { serverKey, type ServerScope } from './scope.ts';

export interface User {
  id: number;
  login: string;
  /** Display name; falls back to the login when the server has none. */
  fullName: string;
  /** CATMAID user colour, RGB components 0–1. */
  color: [number, number, number];
}

const FALLBACK_COLOR: [number, number, number] = [0.6, 0.6, 0.6];

// Very old servers used `userid` / `username` / `long_name` (pymaid still accepts them).
const userRow = z
  .object({
    id: z.number().optional(),
    userid: z.number().optional(),
    login: z.string().optional(),
    username: z.string().optional(),
    full_name: z.string().nullish(),
    long_name: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    color: z.array(z.number()).nullish(),
  })
  .refine((u) => (u.id ?? u.userid) !== undefined, { message: 'user without id' })
  .refine((u) => (u.login ?? u.username) !== undefined, { message: 'user without login' })
  .transform((u): User => {
    const login = u.login ?? u.username ?? '';
    const joined = [u.first_name, u.last_name].filter(Boolean).join(' ');
    const [r, g, b] = u.color ?? [];
    return {
      id: u.id ?? u.userid ?? 0,
      login,
      fullName: u.full_name || u.long_name || joined || login,
      color: r !== undefined && g !== undefined && b !== undefined ? [r, g, b] : FALLBACK_COLOR,
    };
  });

const userListSchema = z.array(userRow);

const userListEndpoint = defineEndpoint({
  route: ROUTES.userList,
  schema: userListSchema,
  encode: () => ({}),
  decode: (wire) => wire,
});

export function fetchUsers(scope: ServerScope, { signal }: CallOptions = {}): Promise<User[]> {
  return userListEndpoint.fetch(scope, undefined, { signal });
}

/** id → user, for joining creator / reviewer ids. */
export function indexUsers(users: readonly User[]): Map<number, User> {
  return new Map(users.map((u) => [u.id, u]));
}

export function usersQuery(scope: ServerScope) {
  return queryOptions({
    queryKey: [...serverKey(scope), 'users'] as const,
    queryFn: ({ signal }) => fetchUsers(scope, { signal }),
  });
}
