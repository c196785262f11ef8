/**
 * The dashboard's API middleware (connect-style, used by Vite's dev server and by `npm run
 * serve`): `/api/config` tells the browser which server it talks to (never the token), and
 * `/api/catmaid/*` forwards allowlisted read requests to the one configured CATMAID origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAllowed } from './allowlist.ts';
import { anonymousTokenSource } from './anonymous-token.ts';
import type { UpstreamSettings } from './env.ts';
import { forward, readBody } from './forward.ts';
import { sendJson, sendJsonError } from './json-error.ts';

export const API_MOUNT = '/api/catmaid';
export const CONFIG_PATH = '/api/config';

export type Next = (err?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

export interface DashboardConfig {
  server: { label: string; url: string; isDemo: boolean; auth: 'token' | 'anonymous' };
  defaultProjectId: number | null;
}

export function dashboardConfig(settings: UpstreamSettings): DashboardConfig {
  const { url } = settings;
  return {
    server: {
      label: settings.isDemo ? 'Embedded demo server' : url.host + url.pathname.replace(/\/$/, ''),
      url: settings.isDemo ? '' : url.href,
      isDemo: settings.isDemo,
      auth: settings.token ? 'token' : 'anonymous',
    },
    defaultProjectId: settings.defaultProjectId ?? null,
  };
}

export function createApiMiddleware(settings: UpstreamSettings): Middleware {
  const anonymousToken = anonymousTokenSource(settings);
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    if (url.pathname === CONFIG_PATH) {
      sendJson(res, 200, dashboardConfig(settings));
      return;
    }
    if (url.pathname !== API_MOUNT && !url.pathname.startsWith(API_MOUNT + '/')) {
      next();
      return;
    }
    const path = url.pathname.slice(API_MOUNT.length) || '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const decision = checkAllowed(method, path, url.searchParams);
    if (!decision.allowed) {
      req.resume();
      sendJsonError(res, 403, {
        error: `Refused by the dashboard proxy: ${decision.reason}`,
        type: 'ProxyForbidden',
        path,
        method,
      });
      return;
    }
    void (async () => {
      try {
        const body = method === 'POST' ? await readBody(req) : undefined;
        const token = settings.token ?? (await anonymousToken());
        forward(res, {
          settings,
          token,
          pathAndQuery: path + url.search,
          method: method === 'POST' ? 'POST' : 'GET',
          body,
          contentType: req.headers['content-type'],
          mount: API_MOUNT,
        });
      } catch (err) {
        sendJsonError(res, 400, {
          error: `Bad request to the dashboard proxy: ${String(err)}`,
          type: 'ProxyBadRequest',
        });
      }
    })();
  };
}
