/**
 * The dashboard server's shared skeleton cache (server/cache): `GET /api/cache/stats` and
 * `POST /api/cache/clear`. Not CATMAID endpoints: they go to the dashboard server itself (the
 * client with base URL `/api`, like /api/config). A server without the cache answers 404 (or,
 * an older build, its HTML page): that is "no shared cache", not an error.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CatmaidClient } from '../lib/http/client.ts';
import { CatmaidError, HtmlResponseError, HttpError } from '../lib/http/errors.ts';

const statsSchema = z.object({
  backend: z.enum(['sqlite', 'redis', 'off']),
  entries: z.number(),
  bytes: z.number(),
  maxBytes: z.number(),
  hits: z.number(),
  misses: z.number(),
  stale: z.number(),
  /** The lab's CATMAID slots now (absent from older servers). */
  upstream: z
    .object({
      limit: z.number(),
      active: z.number(),
      queued: z.number(),
      waitingBrowsers: z.number(),
    })
    .optional(),
});

export type ServerCacheStats = z.infer<typeof statsSchema>;

const clearSchema = z.object({ cleared: z.number() });

function isAbsent(e: unknown): boolean {
  if (e instanceof HtmlResponseError) return true;
  return (e instanceof HttpError || e instanceof CatmaidError) && e.status === 404;
}

/** null: this dashboard server has no shared cache. */
async function fetchServerCacheStats(
  proxyClient: CatmaidClient,
  signal?: AbortSignal,
): Promise<ServerCacheStats | null> {
  try {
    return await proxyClient.request(statsSchema, {
      method: 'GET',
      path: '/cache/stats',
      signal,
      endpoint: 'GET /api/cache/stats',
    });
  } catch (e) {
    if (isAbsent(e)) return null;
    throw e;
  }
}

/** Entries removed, or null when the server has no shared cache. */
export async function clearServerCache(proxyClient: CatmaidClient): Promise<number | null> {
  try {
    const r = await proxyClient.request(clearSchema, {
      method: 'POST',
      path: '/cache/clear',
      endpoint: 'POST /api/cache/clear',
    });
    return r.cleared;
  } catch (e) {
    if (isAbsent(e)) return null;
    throw e;
  }
}

function statsKey(proxyClient: CatmaidClient) {
  return ['dashboard', proxyClient.baseUrl, 'cache-stats'] as const;
}

export function serverCacheStatsQuery(proxyClient: CatmaidClient) {
  return queryOptions({
    queryKey: statsKey(proxyClient),
    queryFn: ({ signal }) => fetchServerCacheStats(proxyClient, signal),
    staleTime: 0,
    retry: false,
  });
}
