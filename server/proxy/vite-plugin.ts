/**
 * Vite's dev/preview proxy for the CATMAID API: the same middleware and allowlist as
 * `npm run serve`, so development exercises exactly what production does, with the same guards:
 * malformed request targets get a 400 before Vite's own request handling (which throws on some),
 * and a request the HTTP parser rejects gets a JSON 400 instead of an unhandled error.
 */
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { closeCache, openCacheFromEnv } from '../cache/skeleton-cache.ts';
import { createApiMiddleware } from './handler.ts';
import { answerClientErrors, guardExistingListeners } from './request-guard.ts';
import { resolveUpstream } from './upstream.ts';

export function catmaidProxy(): Plugin {
  async function install(server: ViteDevServer | PreviewServer) {
    const upstream = await resolveUpstream(process.env, {
      logDemoRequests: process.env.DEMO_LOG === '1',
    });
    const cache = await openCacheFromEnv(process.env, (line) => server.config.logger.info(line));
    const http = server.httpServer;
    http?.on('close', () => {
      upstream.stop();
      void closeCache(cache);
    });
    // Vite's server is a plain http(s) server, or an http2 one where clientError does not apply.
    if (http && 'maxHeadersCount' in http) {
      answerClientErrors(http);
      guardExistingListeners(http);
    }
    server.middlewares.use(createApiMiddleware(upstream.settings, { cache }));
    const target = upstream.settings.isDemo
      ? 'the embedded demo server'
      : upstream.settings.url.href;
    server.config.logger.info(`  CATMAID API proxied to ${target}`);
  }
  return {
    name: 'catmaid-proxy',
    configureServer: install,
    configurePreviewServer: install,
  };
}
