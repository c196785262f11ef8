import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_CONTENT_TYPE, readDisplayBatch } from '../src/3d/geometry/display-pack.ts';
import { createDashboardServer } from './dashboard-server.ts';
import { guardRequests, answerClientErrors } from './proxy/request-guard.ts';
import {
  close,
  listen,
  MALFORMED_REQUEST_LINES,
  rawRequest,
  requestText,
  settingsFor,
} from './test-servers.ts';

let tmp: string;
let upstream: Server;
let server: Server;
let port: number;

const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'dashboard-static-'));
  const dist = join(tmp, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(tmp, 'outside'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app shell</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'app.js.map'), '{"version":3}');
  writeFileSync(join(tmp, 'outside', 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(tmp, 'outside', 'secret.txt'), join(dist, 'assets', 'leak.js'));
  symlinkSync(join(tmp, 'outside'), join(dist, 'linked'));
  upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  const upstreamPort = await listen(upstream);
  server = createDashboardServer(dist, settingsFor(`http://127.0.0.1:${upstreamPort}/`));
  port = await listen(server);
});

afterAll(async () => {
  await close(server);
  await close(upstream);
  rmSync(tmp, { recursive: true, force: true });
});

describe('malformed requests', () => {
  it.each([...MALFORMED_REQUEST_LINES, 'GET /api/catmaid/%zz HTTP/1.1', 'GET * HTTP/1.1'])(
    '%s gets a JSON 400 and the server keeps serving',
    async (line) => {
      const bad = await rawRequest(port, requestText(line));
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body)).toMatchObject({ type: 'ProxyBadRequest' });
      const next = await rawRequest(port, requestText('GET /assets/app.js HTTP/1.1'));
      expect(next.status).toBe(200);
      expect(next.body).toBe('console.log(1)');
    },
  );

  it('answers a request line the parser rejects with a 400 and keeps serving', async () => {
    const bad = await rawRequest(port, 'G\u0001T / HTTP/1.1\r\n\r\n');
    expect(bad.status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('accepts headers up to 64 KiB (long share links) and answers 431 beyond', async () => {
    const long = await rawRequest(port, requestText(`GET /?s=${'a'.repeat(40_000)} HTTP/1.1`));
    expect(long.status).toBe(200);
    const huge = await rawRequest(port, requestText(`GET /?s=${'a'.repeat(80_000)} HTTP/1.1`));
    expect(huge.status).toBe(431);
    expect((await get('/')).status).toBe(200);
  });
});

describe('the last-resort guard', () => {
  it('turns an exception (sync or async) into a 500 JSON and the process goes on', async () => {
    const logged: string[] = [];
    const guarded = createServer(
      guardRequests(
        (req, res) => {
          if (req.url === '/sync') throw new Error('boom');
          if (req.url === '/async') return Promise.reject(new Error('later boom'));
          res.end('fine');
          return undefined;
        },
        (line) => logged.push(line),
      ),
    );
    answerClientErrors(guarded);
    const guardedPort = await listen(guarded);
    for (const path of ['/sync', '/async']) {
      const res = await fetch(`http://127.0.0.1:${guardedPort}${path}`);
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ type: 'ServerError' });
    }
    expect(await (await fetch(`http://127.0.0.1:${guardedPort}/ok`)).text()).toBe('fine');
    expect(logged.join('\n')).toContain('later boom');
    await close(guarded);
  });
});

describe('static files', () => {
  it('serves files inside dist/ and the app shell for client routes', async () => {
    expect(await (await get('/assets/app.js')).text()).toBe('console.log(1)');
    expect(await (await get('/search')).text()).toContain('app shell');
  });

  it('refuses a symlinked file and a symlinked folder pointing outside dist/', async () => {
    for (const path of ['/assets/leak.js', '/linked/secret.txt']) {
      const res = await get(path);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('TOP SECRET');
    }
  });

  it('refuses encoded traversal out of dist/', async () => {
    const res = await rawRequest(port, requestText('GET /..%2f..%2foutside%2fsecret.txt HTTP/1.1'));
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('TOP SECRET');
  });

  it('does not serve source maps unless asked to', async () => {
    expect((await get('/assets/app.js.map')).status).toBe(404);
    const withMaps = createDashboardServer(join(tmp, 'dist'), settingsFor('http://127.0.0.1:9/'), {
      serveSourceMaps: true,
    });
    const mapsPort = await listen(withMaps);
    const res = await fetch(`http://127.0.0.1:${mapsPort}/assets/app.js.map`);
    expect(await res.text()).toBe('{"version":3}');
    await close(withMaps);
  });
});

describe('security headers', () => {
  it.each(['/', '/assets/app.js', '/assets/missing.js', '/assets/leak.js', '/api/config'])(
    '%s carries nosniff, CSP with frame-ancestors, referrer policy and X-Frame-Options',
    async (path) => {
      const res = await get(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('gives the app shell a CSP that allows only its own scripts (no eval, no inline)', async () => {
    const csp = (await get('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/worker-src 'self' blob:/);
  });

  it('puts the headers on malformed-request answers too', async () => {
    const bad = await rawRequest(port, requestText('GET /% HTTP/1.1'));
    expect(bad.head.toLowerCase()).toContain('x-content-type-options: nosniff');
  });
});

describe('the display route', () => {
  it('is served by `npm run serve` too, and without a cache store', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/display/1/skeletons`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'skeleton_ids[0]=5&with_connectors=true',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DISPLAY_CONTENT_TYPE);
    // The stub CATMAID's summary lists none of the ids: all left out.
    expect(readDisplayBatch(await res.arrayBuffer()).size).toBe(0);
  });
});
