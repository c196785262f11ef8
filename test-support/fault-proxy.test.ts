import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CATMAID_ERROR_TEXT } from './fault-bodies.ts';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';

const TOKEN = 'abcdef0123456789abcdef0123456789abcdef01';
const PAYLOAD = JSON.stringify({ skeletons: Array.from({ length: 200 }, (_, i) => [i, 'node']) });

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** How the response ended: completely, or with a socket error / premature close. */
  ending: 'complete' | 'aborted';
}

/** A raw request (no fetch), so partial bodies and resets are observable. */
function call(url: string, init: { method?: string; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        headers: { 'x-authorization': `Token ${TOKEN}`, connection: 'close' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let ending: Answer['ending'] = 'complete';
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('aborted', () => (ending = 'aborted'));
        res.on('error', () => (ending = 'aborted'));
        res.on('close', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ending: res.complete ? ending : 'aborted',
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

let upstream: Server;
let upstreamUrl: string;
const upstreamPaths: string[] = [];
let proxy: FaultProxy;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    upstreamPaths.push(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = req.method === 'POST' ? Buffer.concat(chunks).toString() : PAYLOAD;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/catmaid/`;
  proxy = await startFaultProxy({ port: 0, target: upstreamUrl });
});

afterEach(() => {
  proxy.clearRules();
  upstreamPaths.length = 0;
});

afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

const path = '1/skeletons/compact-detail';

describe('fault proxy', () => {
  it('forwards under the target root when no rule matches, bodies included', async () => {
    proxy.setRules([{ path: 'connectivity', fault: '500' }]);
    const get = await call(`${proxy.url}${path}?x=1`);
    expect(get).toMatchObject({ status: 200, body: PAYLOAD, ending: 'complete' });
    const post = await call(`${proxy.url}${path}`, { method: 'POST', body: 'a=1' });
    expect(post.body).toBe('a=1');
    expect(upstreamPaths).toEqual([`GET /catmaid/${path}?x=1`, `POST /catmaid/${path}`]);
  });

  it.each([
    ['500', 500, /Server Error \(500\)/],
    ['502', 502, /502 Bad Gateway/],
    ['503', 503, /503 Service Temporarily Unavailable/],
  ] as const)('%s answers an HTML error page with that status', async (fault, status, text) => {
    proxy.setRules([{ path: 'compact-detail', fault }]);
    const res = await call(proxy.url + path);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(text);
    expect(upstreamPaths).toEqual([]);
  });

  it('reset sends the headers and part of the body, then drops the connection', async () => {
    proxy.setRules([{ path: 'compact-detail', fault: 'reset' }]);
    const res = await call(proxy.url + path);
    expect(res.status).toBe(200);
    expect(res.ending).toBe('aborted');
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.length).toBeLessThan(PAYLOAD.length);
    expect(PAYLOAD.startsWith(res.body)).toBe(true);
  });

  it('truncated promises the full length but ends after half of it', async () => {
    proxy.setRules([{ path: 'compact-detail', fault: 'truncated' }]);
    const res = await call(proxy.url + path);
    expect(Number(res.headers['content-length'])).toBe(PAYLOAD.length);
    expect(res.ending).toBe('aborted');
    expect(res.body).toBe(PAYLOAD.slice(0, Math.floor(PAYLOAD.length / 2)));
  });

  it('malformed-json answers 200 with a body that does not parse', async () => {
    proxy.setRules([{ path: 'compact-detail', fault: 'malformed-json' }]);
    const res = await call(proxy.url + path);
    expect(res).toMatchObject({ status: 200, ending: 'complete' });
    expect(() => JSON.parse(res.body) as unknown).toThrow(SyntaxError);
  });

  it("catmaid-error answers 200 with CATMAID's error JSON", async () => {
    proxy.setRules([{ path: 'compact-detail', fault: 'catmaid-error' }]);
    const res = await call(proxy.url + path);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['error', 'detail', 'type', 'meta']);
    expect(body).toMatchObject({ error: CATMAID_ERROR_TEXT, type: 'ValueError', meta: null });
    expect(body.detail).toMatch(/^Traceback \(most recent call last\):/);
  });

  it('html-login answers 200 with a login page', async () => {
    proxy.setRules([{ path: 'compact-detail', fault: 'html-login' }]);
    const res = await call(proxy.url + path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<title>Login</title>');
    expect(res.body).toMatch(/<input type="password"/);
  });

  it('unauthorized-after-first lets the first request through, then answers 401', async () => {
    proxy.setRules([{ path: 'compact-detail', fault: 'unauthorized-after-first' }]);
    expect((await call(proxy.url + path)).status).toBe(200);
    for (let i = 0; i < 2; i += 1) {
      const res = await call(proxy.url + path);
      expect(res.status).toBe(401);
      expect(res.body).toBe('{"detail":"Invalid token."}');
    }
    expect(upstreamPaths).toHaveLength(1);
  });

  it('stall never answers until the rule is cleared, then forwards', async () => {
    proxy.setRules([{ path: 'compact-detail', fault: 'stall' }]);
    let answered = false;
    const pending = call(proxy.url + path).then((res) => ((answered = true), res));
    await expect.poll(() => proxy.stats().stalled).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);
    proxy.clearRules();
    expect((await pending).body).toBe(PAYLOAD);
    expect(proxy.stats().stalled).toBe(0);
  });

  it('stall lets go of a request whose client disconnects', async () => {
    proxy.setRules([{ path: 'compact-detail', fault: 'stall' }]);
    const req = request(proxy.url + path);
    req.on('error', () => undefined);
    req.end();
    await expect.poll(() => proxy.stats().stalled).toBe(1);
    req.destroy();
    await expect.poll(() => proxy.stats().stalled).toBe(0);
    proxy.clearRules();
    expect(upstreamPaths).toEqual([]);
  });

  it('echo-headers answers a debug page and a header that both carry the token', async () => {
    proxy.setRules([{ path: 'compact-detail', fault: 'echo-headers' }]);
    const res = await call(proxy.url + path);
    expect(res.status).toBe(500);
    expect(res.body).toContain('HTTP_X_AUTHORIZATION');
    expect(res.body).toContain(TOKEN);
    expect(res.headers['x-debug-authorization']).toBe(`Token ${TOKEN}`);
  });

  it('a rate fails a reproducible share of requests; regex paths match', async () => {
    const run = async () => {
      proxy.setRules([{ path: '/^1\\/skeletons\\/.*detail$/', fault: '503', rate: 0.3, seed: 7 }]);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i += 1) statuses.push((await call(proxy.url + path)).status);
      return statuses;
    };
    const first = await run();
    const failed = first.filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(24);
    expect(await run()).toEqual(first);
  });

  it('is controlled over HTTP and counts what it did', async () => {
    const before = proxy.stats()['fault:502'] ?? 0;
    const put = await call(`${proxy.url}__faults`, {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ path: 'compact-detail', fault: '502' }] }),
    });
    expect(put.status).toBe(200);
    expect((await call(proxy.url + path)).status).toBe(502);
    const stats = JSON.parse((await call(`${proxy.url}__faults/stats`)).body) as Record<
      string,
      number
    >;
    expect(stats['fault:502']).toBe(before + 1);
    expect((await call(`${proxy.url}__faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await call(proxy.url + path)).status).toBe(200);
    const bad = await call(`${proxy.url}__faults`, {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ path: 'x', fault: 'explode' }] }),
    });
    expect(bad.status).toBe(400);
  });
});
