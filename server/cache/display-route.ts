/**
 * The display route's request: `POST /api/display/{pid}/skeletons` with the form body the app
 * sends to compact-detail (`skeleton_ids[i]=…` plus its flags), read by the cache's own rules
 * (request-variant.ts) so the variant, and with it every cache key, is the one compact-detail
 * requests of the same flags use; plus, optionally, the browser's `burst` and `ahead`
 * (burst-fields.ts). Anything else is refused with the proxy's JSON errors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { drainRequest, readBodyOrRefuse } from '../proxy/body-limit.ts';
import type { UpstreamSettings } from '../proxy/env.ts';
import { clientKeyOf } from '../proxy/client-key.ts';
import type { UpstreamGate } from '../proxy/upstream-gate.ts';
import { sendJsonError } from '../proxy/json-error.ts';
import { takeBurstFields } from './burst-fields.ts';
import { cachedRequest } from './request-variant.ts';
import { serveDisplay } from './serve-display.ts';
import type { SkeletonCache } from './skeleton-cache.ts';

export const DISPLAY_MOUNT = '/api/display/';
const DISPLAY_PATH = /^\/api\/display\/(\d{1,9})\/skeletons$/;

export async function handleDisplay(
  cache: SkeletonCache,
  settings: UpstreamSettings,
  tokenFor: () => Promise<string | undefined>,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  search: string,
  gate: UpstreamGate,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const m = DISPLAY_PATH.exec(pathname);
  if (!m || method !== 'POST') {
    drainRequest(req);
    if (m) res.setHeader('allow', 'POST');
    sendJsonError(res, m ? 405 : 404, {
      error: m ? `${method} is not allowed on ${pathname}.` : `No display route at ${pathname}.`,
      type: 'ProxyBadRequest',
    });
    return;
  }
  const body = await readBodyOrRefuse(req, res);
  if (!body) return;
  const contentType = req.headers['content-type'];
  const fields = takeBurstFields(body, contentType);
  if ('error' in fields) {
    sendJsonError(res, 400, { error: fields.error, type: 'ProxyBadRequest' });
    return;
  }
  const path = `/${m[1]}/skeletons/compact-detail`;
  const r = cachedRequest('POST', path, search, fields.body, contentType);
  if (!r) {
    sendJsonError(res, 400, {
      error:
        'The display route takes a form body of skeleton_ids[i] and the compact-detail flags the app sends (with_connectors, with_tags, with_reviews, with_annotations, with_user_info = true; format = json or msgpack).',
      type: 'ProxyBadRequest',
    });
    return;
  }
  const token = settings.token ?? (await tokenFor());
  const label = `POST ${pathname}`;
  await serveDisplay(cache, r, {
    settings,
    token,
    res,
    label,
    upstream: (work) => gate.run(label, work, clientKeyOf(req)),
    burst: fields.hint,
  });
}
