import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normaliseRootUrl, type UpstreamSettings } from './env.ts';
import { createApiMiddleware } from './handler.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let upstream: Server;
let proxy: Server;
let proxyUrl: string;
let upstreamUrl: string;
const seen: Seen[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

function startProxy(settings: UpstreamSettings): Promise<string> {
  const api = createApiMiddleware(settings);
  proxy = createServer((req, res) => api(req, res, () => res.writeHead(404).end('not api')));
  return listen(proxy);
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (req.url === '/catmaid/1/stacks') {
        res.writeHead(301, { location: `${upstreamUrl}/catmaid/1/stacks?moved=1` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sessionid=secret' });
      res.end(JSON.stringify({ ok: true, url: req.url }));
    });
  });
  upstreamUrl = await listen(upstream);
  proxyUrl = await startProxy({
    url: normaliseRootUrl(`${upstreamUrl}/catmaid`),
    token: 'a'.repeat(40),
    basicUser: 'lab',
    basicPassword: 'pw',
    defaultProjectId: 1,
    isDemo: false,
  });
});

afterAll(() => {
  upstream.close();
  proxy.close();
});

beforeEach(() => {
  seen.length = 0;
});

describe('API proxy', () => {
  it('serves the dashboard config without any credential', async () => {
    const res = await fetch(`${proxyUrl}/api/config`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      server: {
        label: expect.stringContaining('/catmaid'),
        url: `${upstreamUrl}/catmaid/`,
        isDemo: false,
        auth: 'token',
      },
      defaultProjectId: 1,
      requestTimeoutMs: 30000,
    });
    expect(text).not.toContain('aaaa');
    expect(text).not.toContain('pw');
  });

  it('tells the browser the stall timeout it is configured with', async () => {
    const api = createApiMiddleware({
      url: normaliseRootUrl(upstreamUrl),
      token: undefined,
      basicUser: undefined,
      basicPassword: undefined,
      defaultProjectId: undefined,
      isDemo: true,
      stallTimeoutMs: 45_000,
    });
    const server = createServer((req, res) => api(req, res, () => res.end()));
    const url = await listen(server);
    const config = (await (await fetch(`${url}/api/config`)).json()) as {
      requestTimeoutMs: number;
    };
    expect(config.requestTimeoutMs).toBe(45_000);
    server.close();
  });

  it('forwards an allowed GET to the one origin with token and basic auth added server-side', async () => {
    const res = await fetch(`${proxyUrl}/api/catmaid/1/skeletons/16/compact-detail?with_tags=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('/catmaid/1/skeletons/16/compact-detail?with_tags=true');
    expect(seen[0]?.headers['x-authorization']).toBe(`Token ${'a'.repeat(40)}`);
    expect(seen[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('lab:pw').toString('base64')}`,
    );
  });

  it('forwards an allowed POST read with its form body intact', async () => {
    const body = 'skids%5B0%5D=16&skids%5B1%5D=17';
    const res = await fetch(`${proxyUrl}/api/catmaid/1/skeleton/neuronnames`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(res.status).toBe(200);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/catmaid/1/skeleton/neuronnames', body });
  });

  it.each([
    ['POST', '/1/treenode/create'],
    ['POST', '/1/annotations/add'],
    ['GET', '/1/tags/clear'],
    ['GET', '/1/volumes/3/update-meta-info'],
    ['POST', '/1/skeletons/16/compact-detail'],
    ['GET', '/1/skeleton/neuronnames'],
    ['DELETE', '/1/volumes/3/'],
    ['PUT', '/1/annotations/'],
    ['GET', '/1/../admin/'],
    ['GET', '/1/skeletons/%2e%2e/admin'],
    ['POST', '/accounts/login'],
  ])(
    'refuses %s %s with a 403 naming the path, and never reaches the upstream',
    async (method, path) => {
      const res = await fetch(`${proxyUrl}/api/catmaid${path}`, {
        method,
        body: method === 'GET' ? undefined : 'x=1',
      });
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: string; type: string; path: string };
      expect(body.type).toBe('ProxyForbidden');
      expect(body.error).toContain('Refused by the dashboard proxy');
      expect(body.path).toBeTypeOf('string');
      expect(seen).toHaveLength(0);
    },
  );

  it('never forwards with_passwords, even on an allowed path', async () => {
    const res = await fetch(`${proxyUrl}/api/catmaid/user-list?with_passwords=true`);
    expect(res.status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  it('rewrites upstream redirects so the browser stays on the proxy origin', async () => {
    const res = await fetch(`${proxyUrl}/api/catmaid/1/stacks`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/api/catmaid/1/stacks?moved=1');
  });

  it('leaves other paths to the next handler', async () => {
    const res = await fetch(`${proxyUrl}/index.html`);
    expect(await res.text()).toBe('not api');
  });
});

describe('API proxy with an unreachable upstream', () => {
  it('answers 502 with a CATMAID-shaped error naming the server', async () => {
    const dead = createServer();
    const deadUrl = await listen(dead);
    const api = createApiMiddleware({
      url: normaliseRootUrl(deadUrl),
      token: undefined,
      basicUser: undefined,
      basicPassword: undefined,
      defaultProjectId: undefined,
      isDemo: true,
    });
    const server = createServer((req, res) => api(req, res, () => res.end()));
    const url = await listen(server);
    // Freed only now: the proxy, listening after, could have been given the same port.
    await new Promise((resolve) => dead.close(resolve));
    const res = await fetch(`${url}/api/catmaid/projects/`);
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: string; type: string };
    expect(body.type).toBe('ProxyUpstreamError');
    expect(body.error).toContain(deadUrl);
    server.close();
  });
});
