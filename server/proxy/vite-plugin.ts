/**
 * Vite's dev/preview proxy for the CATMAID API: the same middleware and allowlist as
 * `npm run serve`, so development exercises exactly what production does.
 */
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createApiMiddleware } from './handler.ts';
import { resolveUpstream } from './upstream.ts';

export function catmaidProxy(): Plugin {
  async function install(server: ViteDevServer | PreviewServer) {
    const upstream = await resolveUpstream(process.env, {
      logDemoRequests: process.env.DEMO_LOG === '1',
    });
    server.httpServer?.on('close', () => upstream.stop());
    server.middlewares.use(createApiMiddleware(upstream.settings));
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
