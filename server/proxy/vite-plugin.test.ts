/**
 * The dev server (`npm start`) runs the same middleware through the Vite plugin: malformed
 * requests get a 400 there too, and the dev server keeps serving.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  close,
  listen,
  MALFORMED_REQUEST_LINES,
  rawRequest,
  requestText,
} from '../test-servers.ts';
import { DISPLAY_CONTENT_TYPE, readDisplayBatch } from '../../src/3d/geometry/display-pack.ts';
import { catmaidProxy } from './vite-plugin.ts';

let upstream: Server;
let vite: ViteDevServer;
let port: number;
const savedUrl = process.env.CATMAID_URL;
const savedCacheDir = process.env.CACHE_DIR;
// A cache of its own: never the user's ~/.cache, never another test's.
const cacheDir = mkdtempSync(join(tmpdir(), 'vite-plugin-cache-'));

beforeAll(async () => {
  upstream = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  process.env.CATMAID_URL = `http://127.0.0.1:${await listen(upstream)}/`;
  process.env.CACHE_DIR = cacheDir;
  vite = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'silent',
    plugins: [catmaidProxy()],
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await vite.listen();
  port = (vite.httpServer?.address() as AddressInfo).port;
});

afterAll(async () => {
  await vite.close();
  await close(upstream);
  if (savedUrl === undefined) delete process.env.CATMAID_URL;
  else process.env.CATMAID_URL = savedUrl;
  if (savedCacheDir === undefined) delete process.env.CACHE_DIR;
  else process.env.CACHE_DIR = savedCacheDir;
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the Vite dev proxy', () => {
  it.each(MALFORMED_REQUEST_LINES)(
    '%s gets a 400 and the dev server keeps serving',
    async (line) => {
      const bad = await rawRequest(port, requestText(line));
      expect(bad.status).toBe(400);
      const config = await rawRequest(port, requestText('GET /api/config HTTP/1.1'));
      expect(config.status).toBe(200);
      expect(config.body).toContain('requestTimeoutMs');
    },
  );

  it('proxies the API', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/catmaid/projects/`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('serves the display route (a CATMAID that knows none of the ids: an empty table)', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/display/1/skeletons`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'skeleton_ids[0]=5&format=msgpack',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DISPLAY_CONTENT_TYPE);
    expect(readDisplayBatch(await res.arrayBuffer()).size).toBe(0);
  });

  it('serves the skeleton cache controls (npm start runs the same cache as npm run serve)', async () => {
    const stats = await fetch(`http://127.0.0.1:${port}/api/cache/stats`);
    expect(await stats.json()).toMatchObject({ backend: 'sqlite', entries: 0, hits: 0 });
    const clear = await fetch(`http://127.0.0.1:${port}/api/cache/clear`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await clear.json()).toEqual({ cleared: 0 });
  });
});
