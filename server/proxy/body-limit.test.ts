import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, listen, settingsFor } from '../test-servers.ts';
import { MAX_REQUEST_BODY_BYTES, readBodyCapped, requestBodyGauge } from './body-limit.ts';
import { createApiMiddleware } from './handler.ts';

const MiB = 1024 * 1024;
let upstream: Server;
let proxy: Server;
let port: number;
let upstreamHits = 0;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    upstreamHits++;
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  const upstreamPort = await listen(upstream);
  const api = createApiMiddleware(settingsFor(`http://127.0.0.1:${upstreamPort}/`));
  proxy = createServer((req, res) => api(req, res, () => res.writeHead(404).end()));
  port = await listen(proxy);
});

afterAll(async () => {
  await Promise.all([close(upstream), close(proxy)]);
});

/** POST `total` bytes in 1 MiB writes of one shared buffer; stops writing once answered. */
function upload(total: number, declareLength: boolean): Promise<{ status: number; body: string }> {
  const block = Buffer.alloc(MiB, 0x61);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/catmaid/1/skeleton/neuronnames',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(declareLength ? { 'content-length': total } : {}),
        },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
          req.destroy();
        });
      },
    );
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    let sent = 0;
    const pump = () => {
      while (!answered && sent < total) {
        sent += MiB;
        if (!req.write(block)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('request body caps', () => {
  it('16 concurrent 30 MiB uploads each get a 413 and memory stays bounded', async () => {
    requestBodyGauge.resetPeak();
    const rssBefore = process.memoryUsage().rss;
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => upload(30 * MiB, i % 2 === 0)),
    );
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    for (const answer of answers) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({
        type: 'ProxyBodyTooLarge',
        error: expect.stringContaining('2 MiB'),
      });
    }
    expect(upstreamHits).toBe(0);
    // At most one capped body per request is ever held, and nothing is left held afterwards.
    expect(requestBodyGauge.peak()).toBeLessThanOrEqual(16 * MAX_REQUEST_BODY_BYTES);
    expect(requestBodyGauge.current()).toBe(0);
    // Unbounded buffering would hold 480 MiB; allow for the test's own allocations.
    expect(rssGrowth).toBeLessThan(150 * MiB);
  });

  it('forwards a body just under the cap', async () => {
    const answer = await upload(MAX_REQUEST_BODY_BYTES - MiB, false);
    expect(answer.status).toBe(200);
  });

  it('the largest id list the app sends fits with a wide margin', () => {
    // A 10,000-neuron connectivity matrix sends rows and columns: 20,000 nine-digit ids.
    const ids = Array.from({ length: 10_000 }, (_, i) => 100_000_000 + i);
    // The browser's encoder (src/lib/http/encode-form.ts) sends lists indexed, brackets raw.
    const body = ['rows', 'columns']
      .flatMap((name) => ids.map((id, i) => `${name}[${i}]=${id}`))
      .join('&');
    expect(body.length * 4).toBeLessThan(MAX_REQUEST_BODY_BYTES);
  });

  it('answers 503 once the bodies being read exceed the global budget', async () => {
    const fake = () => {
      const stream = new PassThrough();
      return Object.assign(stream, { headers: {} }) as unknown as IncomingMessage & PassThrough;
    };
    const a = fake();
    const b = fake();
    const first = readBodyCapped(a, MiB, 1.5 * MiB);
    const second = readBodyCapped(b, MiB, 1.5 * MiB);
    a.write(Buffer.alloc(900 * 1024));
    b.write(Buffer.alloc(900 * 1024));
    a.end();
    expect(await second).toMatchObject({ ok: false, status: 503, type: 'ProxyBusy' });
    expect(await first).toMatchObject({ ok: true });
    expect(requestBodyGauge.current()).toBe(0);
  });
});
