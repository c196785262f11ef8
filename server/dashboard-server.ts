/**
 * The production dashboard server (`npm run serve`): security headers on every response, the
 * API middleware, the static files of the build, and the guards that keep one bad request from
 * ending the process.
 */
import { createServer, type Server } from 'node:http';
import { createApiMiddleware, type ApiOptions } from './proxy/handler.ts';
import type { UpstreamSettings } from './proxy/env.ts';
import { answerClientErrors, failRequest, guardRequests } from './proxy/request-guard.ts';
import { setSecurityHeaders } from './proxy/security-headers.ts';
import { createStaticHandler, type StaticOptions } from './static-files.ts';

/**
 * Node's default header limit is 16 KiB. Share links keep big state in the URL fragment (never
 * sent), so this is only a backstop for older links that carry it in the query string.
 */
const MAX_HEADER_BYTES = 64 * 1024;

export function createDashboardServer(
  distDir: string,
  settings: UpstreamSettings,
  options: StaticOptions & ApiOptions = {},
): Server {
  const api = createApiMiddleware(settings, { cache: options.cache });
  const serveStatic = createStaticHandler(distDir, options);
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES },
    guardRequests((req, res) => {
      setSecurityHeaders(res);
      api(req, res, () => {
        serveStatic(req, res).catch((err: unknown) => failRequest(res, err));
      });
    }),
  );
  answerClientErrors(server);
  return server;
}
