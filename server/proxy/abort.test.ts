import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, startProxyTo } from '../test-servers.ts';

let upstream: Server;
let proxy: Server;
let port: number;
const sockets = new Set<Socket>();
let closedSockets = 0;
const waiting: ServerResponse[] = [];

async function until(check: () => boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  // An upstream that never finishes: half the requests stall before the headers, half after
  // the first bytes of a body (a big answer still streaming).
  upstream = createServer((req, res) => {
    waiting.push(res);
    if (req.url?.includes('midbody')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(64 * 1024));
    }
  });
  upstream.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedSockets++;
      sockets.delete(socket);
    });
  });
  ({ proxy, port } = await startProxyTo(upstream));
});

afterAll(async () => {
  await Promise.all([close(upstream), close(proxy)]);
});

describe('a browser that gives up', () => {
  it('cancels its upstream request: 20 aborted clients, 20 upstream sockets closed promptly', async () => {
    const controllers = Array.from({ length: 20 }, () => new AbortController());
    const requests = controllers.map((controller, i) =>
      fetch(
        `http://127.0.0.1:${port}/api/catmaid/1/skeletons/${i + 1}/compact-detail?case=${i % 2 ? 'midbody' : 'stall'}`,
        { signal: controller.signal },
      )
        .then((res) => res.arrayBuffer())
        .catch((err: unknown) => err),
    );
    await until(() => waiting.length === 20, 5000, 'the upstream to see 20 requests');
    expect(sockets.size).toBe(20);
    const abortedAt = Date.now();
    for (const controller of controllers) controller.abort();
    await Promise.all(requests);
    await until(() => closedSockets === 20, 2000, 'all 20 upstream sockets to close');
    expect(Date.now() - abortedAt).toBeLessThan(2000);
    expect(sockets.size).toBe(0);
  });
});
