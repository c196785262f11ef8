/** Helpers for the server tests: listening on port 0, raw HTTP over a socket, settings. */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { SkeletonCache } from './cache/skeleton-cache.ts';
import { normaliseRootUrl, type UpstreamSettings } from './proxy/env.ts';
import { createApiMiddleware, type ApiOptions } from './proxy/handler.ts';

export function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/**
 * Send `text` as-is over a fresh connection and read until the server closes it (or `timeoutMs`
 * passes). Status 0: the server closed without answering.
 */
export function rawRequest(
  port: number,
  text: string | Buffer,
  timeoutMs = 3000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `no end of answer within ${timeoutMs} ms to ${JSON.stringify(text.slice(0, 80))}`,
        ),
      );
    }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('latin1');
      const split = raw.indexOf('\r\n\r\n');
      const head = split < 0 ? raw : raw.slice(0, split);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split < 0 ? '' : raw.slice(split + 4) });
    });
    socket.write(text);
  });
}

/** A request line plus the headers every test request needs. */
export function requestText(line: string, headers: string[] = []): string {
  return [line, 'Host: 127.0.0.1', 'Connection: close', ...headers, '', ''].join('\r\n');
}

export function settingsFor(
  upstreamUrl: string,
  extra: Partial<UpstreamSettings> = {},
): UpstreamSettings {
  return {
    url: normaliseRootUrl(upstreamUrl),
    token: undefined,
    basicUser: undefined,
    basicPassword: undefined,
    defaultProjectId: undefined,
    isDemo: false,
    ...extra,
  };
}

/** The malformed request lines issue 9 found to kill the server; every server must answer 400. */
export const MALFORMED_REQUEST_LINES = [
  'GET /% HTTP/1.1',
  'GET /%E0%A4%A HTTP/1.1',
  'GET /assets/%zz.js HTTP/1.1',
  'GET /index.html%00.png HTTP/1.1',
  'GET /%c0%ae%c0%ae/x HTTP/1.1',
  'GET http://[/ HTTP/1.1',
  'GET http://%zz/ HTTP/1.1',
];

/** The API proxy for `settings` (and `options`, e.g. a cache), listening on a port of its own. */
export async function proxyOn(
  settings: UpstreamSettings,
  options: ApiOptions = {},
): Promise<{ proxy: Server; port: number; base: string }> {
  const api = createApiMiddleware(settings, options);
  const proxy = createServer((req, res) => api(req, res, () => res.writeHead(404).end()));
  const port = await listen(proxy);
  return { proxy, port, base: `http://127.0.0.1:${port}` };
}

/** The API proxy (with a token) on a port of its own, in front of `upstream`, already listening. */
export async function startProxyTo(
  upstream: Server,
  extra: Partial<UpstreamSettings> = { token: 'x'.repeat(40) },
): Promise<{ proxy: Server; port: number }> {
  const upstreamPort = await listen(upstream);
  return proxyOn(settingsFor(`http://127.0.0.1:${upstreamPort}/`, extra));
}

/** After a cache test: closes the servers, then the cache's store, and removes its folder. */
export async function closeCacheFixture(
  servers: Server[],
  cache: SkeletonCache | undefined,
  dir: string,
): Promise<void> {
  for (const s of servers) await close(s);
  await cache?.store?.close();
  rmSync(dir, { recursive: true, force: true });
}
