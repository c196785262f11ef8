/**
 * `npm run serve`: serves the built app from dist/ and proxies the CATMAID API path.
 * Reads PORT (default 8080), HOST (default 127.0.0.1), SERVE_SOURCEMAPS (1: serve `*.map`) and
 * the CATMAID_* variables.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCache, openCacheFromEnv } from './cache/skeleton-cache.ts';
import { createDashboardServer } from './dashboard-server.ts';
import { resolveUpstream } from './proxy/upstream.ts';

// DIST_DIR lets parallel test runs serve separate builds (`vite build --outDir …`).
const distDir = resolve(
  process.env.DIST_DIR || resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist'),
);
if (!existsSync(resolve(distDir, 'index.html'))) {
  console.error(`${distDir} has no build: run \`npm run build\` first.`);
  process.exit(1);
}

const upstream = await resolveUpstream(process.env, {
  logDemoRequests: process.env.DEMO_LOG === '1',
});
// The shared skeleton cache (CACHE, CACHE_DIR, CACHE_URL, CACHE_MAX_MB; README "A shared cache").
const cache = await openCacheFromEnv(process.env);
const server = createDashboardServer(distDir, upstream.settings, {
  serveSourceMaps: process.env.SERVE_SOURCEMAPS === '1',
  cache,
});

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const target = upstream.settings.isDemo ? 'the embedded demo server' : upstream.settings.url.href;
  console.log(`CATMAID Dashboard serving http://${host}:${actualPort}/ (CATMAID: ${target})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    upstream.stop();
    server.close();
    void closeCache(cache).finally(() => process.exit(0));
  });
}
