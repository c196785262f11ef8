/**
 * A fault-injecting HTTP forwarder for tests and benches: it sits between the dashboard server
 * and a CATMAID (the demo server), passes requests through, and answers the ones a rule matches
 * with a fault. Rules are set in-process or over HTTP (`PUT /__faults` `{rules}`, `DELETE
 * /__faults`, `GET /__faults/stats`) so Playwright's spec processes can drive a proxy started as
 * a web server. No dependencies beyond Node.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { canned, garbleBody, type CannedResponse } from './fault-bodies.ts';

export type FaultKind =
  | '500'
  | '502'
  | '503'
  | 'reset'
  | 'truncated'
  | 'malformed-json'
  | 'catmaid-error'
  | 'html-login'
  | 'unauthorized-after-first'
  | 'stall'
  | 'echo-headers';

const FAULT_KINDS: readonly FaultKind[] = [
  '500',
  '502',
  '503',
  'reset',
  'truncated',
  'malformed-json',
  'catmaid-error',
  'html-login',
  'unauthorized-after-first',
  'stall',
  'echo-headers',
];

export interface FaultRule {
  /** Substring of, or `/regex/` tested against, the path after the CATMAID root (no query). */
  path: string;
  fault: FaultKind;
  /** Probability (0..1) that a matching request fails; default 1. Drawn from a seeded PRNG. */
  rate?: number;
  /** Seed of this rule's PRNG (default 1), so a run's failures are reproducible. */
  seed?: number;
}

export interface FaultProxy {
  url: string;
  setRules(rules: FaultRule[]): void;
  clearRules(): void;
  /** Counters: `requests`, `forwarded`, `faulted`, `fault:<kind>`, `stalled` (open now). */
  stats(): Record<string, number>;
  close(): Promise<void>;
}

interface ActiveRule {
  rule: FaultRule;
  test: (path: string) => boolean;
  random: () => number;
  seen: number;
}

/** mulberry32: tiny, seedable, good enough to pick which requests fail. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function matcher(pattern: string): (path: string) => boolean {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) {
    const re = new RegExp(pattern.slice(1, -1));
    return (path) => re.test(path);
  }
  return (path) => path.includes(pattern);
}

function validateRules(input: unknown): FaultRule[] {
  if (!Array.isArray(input)) throw new Error('rules must be an array');
  return input.map((raw: unknown, i) => {
    const r = raw as Partial<FaultRule> | null;
    if (!r || typeof r.path !== 'string' || !FAULT_KINDS.includes(r.fault as FaultKind)) {
      throw new Error(`rule ${i}: needs a string path and a fault among ${FAULT_KINDS.join(', ')}`);
    }
    if (r.rate !== undefined && !(r.rate >= 0 && r.rate <= 1)) {
      throw new Error(`rule ${i}: rate must be within 0..1`);
    }
    return { path: r.path, fault: r.fault as FaultKind, rate: r.rate, seed: r.seed };
  });
}

function sendCanned(res: ServerResponse, c: CannedResponse): void {
  const body = Buffer.from(c.body);
  res.writeHead(c.status, { ...c.headers, 'content-length': String(body.length) });
  res.end(body);
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFaultProxy(options: {
  port: number;
  target: string;
  host?: string;
}): Promise<FaultProxy> {
  const target = new URL(options.target);
  const base = target.pathname.replace(/\/$/, '');
  let rules: ActiveRule[] = [];
  const counters: Record<string, number> = {};
  const count = (key: string) => (counters[key] = (counters[key] ?? 0) + 1);
  /** Stalled requests, released (forwarded) when the rules change. */
  const stalled = new Set<() => void>();
  const sockets = new Set<Socket>();

  const setRules = (next: FaultRule[]) => {
    rules = validateRules(next).map((rule) => ({
      rule,
      test: matcher(rule.path),
      random: prng(rule.seed ?? 1),
      seen: 0,
    }));
    for (const release of [...stalled]) release();
  };

  /** Forwards to the target; `buffered` gets the whole upstream answer instead of a pipe. */
  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    buffered?: (upRes: IncomingMessage, upBody: Buffer) => void,
  ) => {
    const headers = { ...req.headers, host: target.host };
    // Faults that cut or garble the body need it uncompressed.
    if (buffered) delete headers['accept-encoding'];
    const upstream = httpRequest(
      new URL(base + (req.url ?? '/'), target.origin),
      { method: req.method, headers },
      (upRes) => {
        if (buffered) {
          void readAll(upRes).then(
            (upBody) => buffered(upRes, upBody),
            () => res.destroy(),
          );
          return;
        }
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) res.destroy();
      else sendCanned(res, canned['502']());
    });
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  };

  /** Sends the upstream headers and half the body, then cuts the connection. */
  const cutShort = (res: ServerResponse, upRes: IncomingMessage, upBody: Buffer, rst: boolean) => {
    const headers = { ...upRes.headers, connection: 'close' };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(upBody.length);
    res.writeHead(upRes.statusCode ?? 200, headers);
    res.flushHeaders();
    res.write(upBody.subarray(0, Math.floor(upBody.length / 2)), () => {
      const socket = res.socket;
      if (!socket) return;
      if (rst) socket.resetAndDestroy();
      else socket.end();
    });
  };

  const inject = (rule: FaultRule, req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const path = req.url ?? '/';
    switch (rule.fault) {
      case '500':
      case '502':
      case '503':
      case 'catmaid-error':
      case 'html-login':
        return sendCanned(res, canned[rule.fault]());
      case 'unauthorized-after-first':
        return sendCanned(res, canned.unauthorized());
      case 'echo-headers':
        return sendCanned(res, canned['echo-headers'](req.method ?? 'GET', path, req.headers));
      case 'reset':
      case 'truncated':
        return forward(req, res, body, (upRes, upBody) =>
          cutShort(res, upRes, upBody, rule.fault === 'reset'),
        );
      case 'malformed-json':
        return forward(req, res, body, (upRes, upBody) => {
          const contentType = upRes.headers['content-type'] ?? 'application/json';
          const garbled = garbleBody(upBody, contentType);
          res.writeHead(200, {
            'content-type': contentType,
            'content-length': String(garbled.length),
          });
          res.end(garbled);
        });
      case 'stall': {
        count('stalled');
        const release = () => {
          stalled.delete(release);
          counters.stalled = (counters.stalled ?? 1) - 1;
          if (!res.destroyed) forward(req, res, body);
        };
        stalled.add(release);
        res.on('close', () => {
          if (stalled.delete(release)) counters.stalled = (counters.stalled ?? 1) - 1;
        });
        return;
      }
    }
  };

  /** The rule that fails this request, if any (the first matching rule decides). */
  const pick = (path: string): FaultRule | undefined => {
    const active = rules.find((r) => r.test(path));
    if (!active) return undefined;
    active.seen += 1;
    if (active.rule.fault === 'unauthorized-after-first' && active.seen === 1) return undefined;
    return active.random() < (active.rule.rate ?? 1) ? active.rule : undefined;
  };

  const control = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const reply = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const path = (req.url ?? '').split('?')[0];
    if (path === '/__faults/stats' && req.method === 'GET') return reply(200, { ...counters });
    if (path === '/__faults' && req.method === 'GET')
      return reply(200, { rules: rules.map((r) => r.rule) });
    if (path === '/__faults' && req.method === 'DELETE') {
      setRules([]);
      return reply(200, { rules: [] });
    }
    if (path === '/__faults' && req.method === 'PUT') {
      try {
        const parsed = JSON.parse(body.toString('utf8')) as { rules?: unknown };
        setRules(validateRules(parsed.rules));
        return reply(200, { rules: rules.map((r) => r.rule) });
      } catch (err) {
        return reply(400, { error: (err as Error).message });
      }
    }
    return reply(404, { error: 'unknown control request' });
  };

  const server = createServer((req, res) => {
    void readAll(req).then(
      (body) => {
        const url = req.url ?? '/';
        if (url.startsWith('/__faults')) return control(req, res, body);
        count('requests');
        const rule = pick(url.split('?')[0]?.replace(/^\//, '') ?? '');
        if (!rule) {
          count('forwarded');
          return forward(req, res, body);
        }
        count('faulted');
        count(`fault:${rule.fault}`);
        inject(rule, req, res, body);
      },
      () => res.destroy(),
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    setRules,
    clearRules: () => setRules([]),
    stats: () => ({ ...counters }),
    close: () =>
      new Promise<void>((resolve) => {
        rules = [];
        stalled.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
