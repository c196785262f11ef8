import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, listen, settingsFor } from '../test-servers.ts';
import { createApiMiddleware } from './handler.ts';
import { RedactStream, secretsFor } from './redact.ts';

const TOKEN = 'f00dcafe'.repeat(5);
const ANON_TOKEN = 'a11ce5ed'.repeat(5);
const USER = 'lab';
const PASSWORD = 'hunter2-s3cret&<x>';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
const SECRETS = [TOKEN, ANON_TOKEN, PASSWORD, BASIC];

const pause = () => new Promise((r) => setTimeout(r, 5));

function echo(req: IncomingMessage): string {
  return Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('\n');
}

/** An upstream that echoes the request headers back in every way a real one might. */
async function answer(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname.endsWith('/accounts/anonymous-api-token')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token: ANON_TOKEN }));
    return;
  }
  const headers = echo(req);
  switch (url.searchParams.get('mode')) {
    case 'django':
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<html><head><title>OperationalError at /1/ ${req.headers['x-authorization']}</title></head>` +
          `<body><h1>OperationalError</h1><table><tr><td>HTTP_X_AUTHORIZATION</td><td>${String(req.headers['x-authorization'])}</td></tr>` +
          `<tr><td>META</td><td><pre>${headers}</pre></td></tr></table></body></html>`,
      );
      return;
    case 'login':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        '<html><head><title>Site login</title></head><body><form action="/accounts/login">' +
          '<input name="username"><input type="password" name="password"></form></body></html>',
      );
      return;
    case 'json':
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'bad', type: 'ValueError', detail: headers }));
      return;
    case 'header':
      res.writeHead(200, {
        'content-type': 'application/json',
        etag: `"${String(req.headers['x-authorization'])}"`,
        'cache-control': `private, ${String(req.headers.authorization)}`,
        'x-debug-headers': headers.replace(/\n/g, ' | '),
        'set-cookie': `t=${TOKEN}`,
      });
      res.end('{}');
      return;
    case 'split': {
      // Binary answer, each credential split over several TCP writes.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const sent = String(req.headers['x-authorization']).replace('Token ', '');
      for (const part of [`prefix ${headers} `, sent, BASIC]) {
        for (let i = 0; i < part.length; i += 7) {
          res.write(part.slice(i, i + 7));
          await pause();
        }
      }
      res.end(' suffix');
      return;
    }
    case 'gzip':
      res.writeHead(502, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ error: headers })));
      return;
    default:
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  }
}

let upstream: Server;
let withToken: Server;
let anonymous: Server;
let ports: { token: number; anonymous: number };
const received: string[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    received.push(echo(req));
    void answer(req, res);
  });
  const upstreamUrl = `http://127.0.0.1:${await listen(upstream)}/catmaid/`;
  const base = { basicUser: USER, basicPassword: PASSWORD };
  const make = (token: string | undefined) => {
    const api = createApiMiddleware(settingsFor(upstreamUrl, { ...base, token }));
    return createServer((req, res) => api(req, res, () => res.writeHead(404).end()));
  };
  withToken = make(TOKEN);
  anonymous = make(undefined);
  ports = { token: await listen(withToken), anonymous: await listen(anonymous) };
});

afterAll(async () => {
  await Promise.all([close(upstream), close(withToken), close(anonymous)]);
});

async function fetchAll(port: number, mode: string) {
  const res = await fetch(
    `http://127.0.0.1:${port}/api/catmaid/1/skeletons/16/compact-detail?mode=${mode}`,
  );
  const body = await res.text();
  const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  return { res, body, everything: `${headers}\n\n${body}` };
}

function expectNoSecret(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toContain('hunter2');
}

describe('no response carries a credential', () => {
  it.each(['django', 'login', 'json', 'header', 'split', 'gzip', 'plain'])(
    'upstream echoing the request headers (%s)',
    async (mode) => {
      for (const port of [ports.token, ports.anonymous]) {
        received.length = 0;
        const { everything } = await fetchAll(port, mode);
        // The upstream did get the credentials, so an echo would have leaked them.
        expect(received.join('\n')).toContain(port === ports.token ? TOKEN : ANON_TOKEN);
        expect(received.join('\n')).toContain(BASIC);
        expectNoSecret(everything);
      }
    },
  );

  it('keeps the rest of a split binary answer byte for byte', async () => {
    const { body } = await fetchAll(ports.token, 'split');
    expect(body.startsWith('prefix ')).toBe(true);
    expect(body.endsWith(`${'*'.repeat(TOKEN.length)}${'*'.repeat(BASIC.length)} suffix`)).toBe(
      true,
    );
  });

  it('turns a Django error page into the JSON error contract', async () => {
    const { res, body } = await fetchAll(ports.token, 'django');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/json');
    const json = JSON.parse(body) as Record<string, unknown>;
    expect(json).toEqual({
      error: expect.stringMatching(/CATMAID server at http:\/\/127\.0\.0\.1:\d+\/catmaid\/.*500/),
      type: 'ProxyUpstreamHtml',
      detail: '',
      meta: {
        status: 500,
        upstream: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/catmaid\/$/),
        title: expect.stringMatching(/^OperationalError at \/1\/ Token \*+$/),
        login: false,
      },
    });
  });

  it('names a login page answered with 200 as a 502 with login: true', async () => {
    const { res, body } = await fetchAll(ports.token, 'login');
    expect(res.status).toBe(502);
    expect(JSON.parse(body)).toMatchObject({
      type: 'ProxyUpstreamHtml',
      meta: { status: 200, title: 'Site login', login: true },
    });
  });

  it('decompresses a gzip answer to redact it and still delivers it', async () => {
    const { res, body } = await fetchAll(ports.token, 'gzip');
    expect(res.status).toBe(502);
    expect(JSON.parse(body)).toHaveProperty('error');
  });
});

describe('RedactStream', () => {
  const secret = Buffer.from(TOKEN);

  it('masks a secret split at every possible position', async () => {
    const data = Buffer.from(`aa${TOKEN}bb${TOKEN}`);
    for (let cut = 1; cut < data.length; cut++) {
      const chunks = [data.subarray(0, cut), data.subarray(cut)].map((c) => Buffer.from(c));
      const out: Buffer[] = [];
      await new Promise<void>((resolve, reject) =>
        Readable.from(chunks)
          .pipe(new RedactStream([secret]))
          .on('data', (c: Buffer) => out.push(c))
          .on('end', resolve)
          .on('error', reject),
      );
      const text = Buffer.concat(out).toString();
      expect(text).toBe(`aa${'*'.repeat(40)}bb${'*'.repeat(40)}`);
    }
  });

  it('masks a secret at every offset across a stream of big chunks', async () => {
    for (let offset = 0; offset < 260; offset += 3) {
      const data = Buffer.from(
        `${'x'.repeat(offset)}${TOKEN}${'y'.repeat(50)}${TOKEN}${'z'.repeat(200)}`,
      );
      const chunks: Buffer[] = [];
      for (let at = 0; at < data.length; at += 100)
        chunks.push(Buffer.from(data.subarray(at, at + 100)));
      const out: Buffer[] = [];
      await new Promise<void>((resolve, reject) =>
        Readable.from(chunks)
          .pipe(new RedactStream([secret]))
          .on('data', (c: Buffer) => out.push(c))
          .on('end', resolve)
          .on('error', reject),
      );
      const text = Buffer.concat(out).toString();
      expect(text).toBe(data.toString().replaceAll(TOKEN, '*'.repeat(40)));
    }
  });

  it('passes 128 MiB of binary through unchanged and fast', async () => {
    const block = randomBytes(1024 * 1024);
    const stream = new RedactStream(
      secretsFor({ tokens: [TOKEN], basicUser: USER, basicPassword: 'pw' }, false),
    );
    let size = 0;
    let same = true;
    stream.on('data', (c: Buffer) => {
      if (size === 0) same = c.equals(block.subarray(0, c.length));
      size += c.length;
    });
    const start = performance.now();
    for (let i = 0; i < 128; i++) {
      for (let off = 0; off < block.length; off += 64 * 1024) {
        stream.write(Buffer.from(block.subarray(off, off + 64 * 1024)));
      }
    }
    await new Promise((resolve) => stream.end(resolve));
    const ms = performance.now() - start;
    expect(size).toBe(128 * 1024 * 1024);
    expect(same).toBe(true);
    // ~10× what it takes on a slow shared machine: a regression to per-byte work is far slower.
    expect(ms).toBeLessThan(5000);
  });

  it('does not mask a short password in binary bodies (it would corrupt data)', () => {
    const secrets = secretsFor({ tokens: [TOKEN], basicUser: USER, basicPassword: 'pw' }, false);
    expect(secrets.map(String)).not.toContain('pw');
    expect(
      secretsFor({ tokens: [], basicUser: USER, basicPassword: 'pw' }, true).map(String),
    ).toContain('pw');
  });
});
