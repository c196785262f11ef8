/**
 * The cache's HTTP controls on the dashboard server: `GET /api/cache/stats` (with `upstream`,
 * how busy the lab's CATMAID slots are right now: a slow dashboard is told apart from a busy
 * CATMAID) and `POST /api/cache/clear` → `{"cleared": n}`. Clearing is a write a foreign page
 * must not trigger: a cross-site form can only send form or text content types and no custom
 * headers, so the request must carry `Content-Type: application/json` or an `X-Requested-With`
 * header.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { drainRequest } from '../proxy/body-limit.ts';
import { sendJson, sendJsonError } from '../proxy/json-error.ts';
import type { UpstreamGate } from '../proxy/upstream-gate.ts';
import { cacheStats, clearCache, type SkeletonCache } from './skeleton-cache.ts';

const CACHE_STATS_PATH = '/api/cache/stats';
const CACHE_CLEAR_PATH = '/api/cache/clear';

function isSameSiteScripted(req: IncomingMessage): boolean {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  return /^application\/json\b/.test(type) || req.headers['x-requested-with'] !== undefined;
}

export async function handleCacheControl(
  cache: SkeletonCache,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  gate?: UpstreamGate,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  drainRequest(req);
  if (pathname === CACHE_STATS_PATH && (method === 'GET' || method === 'HEAD')) {
    const upstream = gate && {
      limit: gate.limit,
      active: gate.active(),
      queued: gate.queued(),
      waitingBrowsers: gate.waitingClients(),
    };
    sendJson(res, 200, { ...(await cacheStats(cache)), ...(upstream ? { upstream } : {}) });
    return;
  }
  if (pathname === CACHE_CLEAR_PATH && method === 'POST') {
    if (!isSameSiteScripted(req)) {
      sendJsonError(res, 403, {
        error:
          'Clearing the cache needs a Content-Type: application/json or an X-Requested-With header (cross-site guard).',
        type: 'ProxyForbidden',
      });
      return;
    }
    const cleared = await clearCache(cache);
    cache.log(`[cache] cleared ${cleared} entries`);
    sendJson(res, 200, { cleared });
    return;
  }
  const known = pathname === CACHE_STATS_PATH || pathname === CACHE_CLEAR_PATH;
  if (known) res.setHeader('allow', pathname === CACHE_STATS_PATH ? 'GET, HEAD' : 'POST');
  sendJsonError(res, known ? 405 : 404, {
    error: known ? `${method} is not allowed on ${pathname}.` : `No cache control at ${pathname}.`,
    type: 'ProxyBadRequest',
  });
}
