/**
 * The dashboard's API middleware (connect-style, used by Vite's dev server and by `npm run
 * serve`): `/api/config` tells the browser which server it talks to (never the token), and
 * `/api/catmaid/*` forwards allowlisted read requests to the one configured CATMAID origin.
 * Malformed request targets are answered with a 400 here, for every path, so neither this
 * middleware nor the ones after it (static files, Vite) ever see them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAllowed } from './allowlist.ts';
import { anonymousTokenSource } from './anonymous-token.ts';
import { drainRequest, readBodyOrRefuse } from './body-limit.ts';
import { clientKeyOf, ensureClientCookie } from './client-key.ts';
import {
  DEFAULT_STALL_TIMEOUT_MS,
  DEFAULT_UPSTREAM_CONCURRENCY,
  type UpstreamSettings,
} from './env.ts';
import { forward, type ForwardOptions } from './forward.ts';
import { sendJson, sendJsonError } from './json-error.ts';
import { failRequest } from './request-guard.ts';
import { isBadTarget, parseRequestTarget } from './request-target.ts';
import { upstreamGate } from './upstream-gate.ts';
import { API_CSP, setSecurityHeaders } from './security-headers.ts';
import { takeProxiedBurst, type BurstHint } from '../cache/burst-fields.ts';
import { handleCacheControl } from '../cache/control.ts';
import { DISPLAY_MOUNT, handleDisplay } from '../cache/display-route.ts';
import { cachedRequest } from '../cache/request-variant.ts';
import { serveCached } from '../cache/serve-cached.ts';
import { createSkeletonCache, type SkeletonCache } from '../cache/skeleton-cache.ts';

const API_MOUNT = '/api/catmaid';
const CONFIG_PATH = '/api/config';
const CACHE_MOUNT = '/api/cache/';

type Next = (err?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

interface DashboardConfig {
  server: { label: string; url: string; isDemo: boolean; auth: 'token' | 'anonymous' };
  defaultProjectId: number | null;
  /** The browser calls a request stalled after this long without progress. */
  requestTimeoutMs: number;
}

function dashboardConfig(settings: UpstreamSettings): DashboardConfig {
  const { url } = settings;
  return {
    server: {
      label: settings.isDemo ? 'Embedded demo server' : url.host + url.pathname.replace(/\/$/, ''),
      url: settings.isDemo ? '' : url.href,
      isDemo: settings.isDemo,
      auth: settings.token ? 'token' : 'anonymous',
    },
    defaultProjectId: settings.defaultProjectId ?? null,
    requestTimeoutMs: settings.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
  };
}

export interface ApiOptions {
  /** The shared skeleton cache (server/cache); without it every request goes upstream. */
  cache?: SkeletonCache | undefined;
}

export function createApiMiddleware(
  settings: UpstreamSettings,
  { cache }: ApiOptions = {},
): Middleware {
  const anonymousToken = anonymousTokenSource(settings);
  // The display route works without a store too (CACHE=off): it fetches, derives, answers.
  const displayCache = cache ?? createSkeletonCache({ store: null, maxBytes: 0 });
  const gate = upstreamGate(
    settings.upstreamConcurrency ?? DEFAULT_UPSTREAM_CONCURRENCY,
    cache?.log,
  );

  /**
   * Forwards a skeleton data request in a CATMAID slot, held while the request to CATMAID is
   * open (its own close: the browser's response has enough listeners of the proxy's already).
   */
  function gatedForward(
    res: ServerResponse,
    label: string,
    client: string,
    options: ForwardOptions,
  ) {
    void gate.run(
      label,
      () =>
        new Promise<void>((resolve) => {
          if (res.destroyed) return resolve(); // the browser left while it waited
          const upstream = forward(res, options);
          if (!upstream) return resolve();
          upstream.once('close', () => resolve());
        }),
      client,
    );
  }

  async function proxy(req: IncomingMessage, res: ServerResponse, path: string, search: string) {
    const method = (req.method ?? 'GET').toUpperCase();
    const decision = checkAllowed(method, path, new URLSearchParams(search));
    if (!decision.allowed) {
      drainRequest(req);
      sendJsonError(res, 403, {
        error: `Refused by the dashboard proxy: ${decision.reason}`,
        type: 'ProxyForbidden',
        path,
        method,
      });
      return;
    }
    let body: Buffer | undefined;
    let burst: BurstHint | undefined;
    if (method === 'POST') {
      const read = await readBodyOrRefuse(req, res);
      if (!read) return;
      // The browser's burst hint is the dashboard server's, never CATMAID's: taken out first,
      // cache or no cache, so every use of the body below (and CATMAID) sees the form without it.
      const fields = takeProxiedBurst(method, path, read, req.headers['content-type']);
      if ('error' in fields) {
        sendJsonError(res, 400, { error: fields.error, type: 'ProxyBadRequest' });
        return;
      }
      body = fields.body;
      burst = fields.hint;
    }
    const token = settings.token ?? (await anonymousToken());
    const options = {
      settings,
      token,
      pathAndQuery: path + search,
      method: method === 'POST' ? ('POST' as const) : ('GET' as const),
      body,
      contentType: req.headers['content-type'],
      mount: API_MOUNT,
    };
    const label = `${method} ${path}`;
    const client = clientKeyOf(req);
    const data = cachedRequest(method, path, search, body, options.contentType);
    if (cache?.store && data) {
      await serveCached(cache, data, {
        settings,
        token,
        res,
        label,
        forwardAsIs: (capture) => gatedForward(res, label, client, { ...options, capture }),
        upstream: (work) => gate.run(label, work, client),
        burst,
      });
      return;
    }
    if (data) gatedForward(res, label, client, options);
    else forward(res, options);
  }

  return (req, res, next) => {
    try {
      const target = parseRequestTarget(req.url);
      if (isBadTarget(target)) {
        drainRequest(req);
        setSecurityHeaders(res, API_CSP);
        sendJsonError(res, 400, {
          error: `Bad request: ${target.error}.`,
          type: 'ProxyBadRequest',
        });
        return;
      }
      const { pathname } = target;
      const isApi = pathname === API_MOUNT || pathname.startsWith(API_MOUNT + '/');
      const isCache = cache !== undefined && pathname.startsWith(CACHE_MOUNT);
      const isDisplay = pathname.startsWith(DISPLAY_MOUNT);
      if (pathname !== CONFIG_PATH && !isApi && !isCache && !isDisplay) {
        next();
        return;
      }
      setSecurityHeaders(res, API_CSP);
      if (pathname === CONFIG_PATH) {
        ensureClientCookie(req, res);
        sendJson(res, 200, dashboardConfig(settings));
        return;
      }
      if (cache && isCache) {
        handleCacheControl(cache, req, res, pathname, gate).catch((err: unknown) =>
          failRequest(res, err),
        );
        return;
      }
      if (isDisplay) {
        const search = target.search;
        handleDisplay(
          displayCache,
          settings,
          anonymousToken,
          req,
          res,
          pathname,
          search,
          gate,
        ).catch((err: unknown) => failRequest(res, err));
        return;
      }
      const path = pathname.slice(API_MOUNT.length) || '/';
      proxy(req, res, path, target.search).catch((err: unknown) => failRequest(res, err));
    } catch (err) {
      failRequest(res, err);
    }
  };
}
