/**
 * The compact-detail route's bursts, in front of the embedded demo server (through a relay that
 * records what CATMAID receives): the batches of one burst make ONE `skeletons/summary` between
 * them, a request without a burst asks for its own ids, a new burst sees an edit; and the hint is
 * the dashboard server's alone: taken out of every batch before CATMAID, cache on, off or not
 * cacheable, a form without it passed on byte for byte, a malformed one refused.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestServer } from '../demo/testing/demo-client.ts';
import type { DemoServer } from '../demo/server.ts';
import { closeCacheFixture, listen, proxyOn, settingsFor } from '../test-servers.ts';
import { createSkeletonCache, whenWritten, type SkeletonCache } from './skeleton-cache.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { burstScenarios } from './testing/burst-scenarios.ts';

// The demo's test-only edit route is registered when routes.ts loads.
vi.hoisted(() => {
  process.env.DEMO_TEST_EDITS = '1';
});

interface Relayed {
  path: string;
  body: string;
  /** The content-length the proxy announced. */
  length: string | undefined;
}

/** Passes every request on to `target`, recording what it received. */
function relayTo(target: string, seen: Relayed[]): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? '/';
      seen.push({ path, body: body.toString(), length: req.headers['content-length'] });
      const on = request(new URL(path, target), { method: req.method, headers: req.headers });
      on.on('response', (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      on.on('error', () => res.destroy());
      on.end(body);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'compact-detail-burst-'));
const servers: Server[] = [];
const logLines: string[] = [];
const relayed: Relayed[] = [];
let demo: DemoServer;
let cache: SkeletonCache;
let cachedBase = '';
let offBase = '';
let ids: number[] = [];

beforeAll(async () => {
  demo = await startTestServer();
  ids = [...(demo.store.projects.get(1)?.skelById.keys() ?? [])].slice(0, 16);
  const relay = relayTo(demo.url, relayed);
  servers.push(relay);
  const settings = settingsFor(`http://127.0.0.1:${await listen(relay)}/`);
  cache = createSkeletonCache({
    store: openSqliteStore(join(dir, 'cache.sqlite'), 1 << 28),
    maxBytes: 1 << 28,
    log: (line) => logLines.push(line),
  });
  const cached = await proxyOn(settings, { cache });
  const off = await proxyOn(settings, { cache: createSkeletonCache({ store: null, maxBytes: 0 }) });
  servers.push(cached.proxy, off.proxy);
  cachedBase = cached.base;
  offBase = off.base;
});

afterAll(async () => {
  await whenWritten(cache);
  await closeCacheFixture(servers, cache, dir);
  await demo.close();
});

beforeEach(() => {
  relayed.length = 0;
});

const FLAGS: [string, string][] = [
  ['with_connectors', 'true'],
  ['format', 'json'],
];

/** The app's form (src/api/skeletons-batch.ts), then any extra fields. */
function form(skeletonIds: number[], extra: [string, string][] = [], flags = FLAGS): string {
  return new URLSearchParams([
    ...skeletonIds.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
    ...flags,
    ...extra,
  ]).toString();
}

function post(base: string, body: string) {
  return fetch(`${base}/api/catmaid/1/skeletons/compact-detail`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

type Batch = Record<string, [unknown[], ...unknown[]]>;

/** Node counts by skeleton id, and the answer's text. */
async function batch(skeletonIds: number[], burst?: string, ahead: number[] = [], base = '') {
  const extra: [string, string][] = burst ? [['burst', burst]] : [];
  if (ahead.length > 0) extra.push(['ahead', ahead.join(',')]);
  const res = await post(base || cachedBase, form(skeletonIds, extra));
  expect(res.status).toBe(200);
  const text = await res.text();
  const { skeletons } = JSON.parse(text) as { skeletons: Batch };
  const nodes = new Map(Object.entries(skeletons).map(([id, d]) => [Number(id), d[0].length]));
  return { nodes, text };
}

const summaries = () => demo.requests().filter((q) => q.path.endsWith('/skeletons/summary')).length;
const dataAsked = () => relayed.filter((r) => r.path.endsWith('/skeletons/compact-detail'));

describe('the compact-detail route asks edition times once per burst', () => {
  burstScenarios({
    nodes: async (some, burst, ahead) => (await batch(some, burst, ahead)).nodes,
    ids: () => ids,
    summaries,
    lastLog: () => logLines.at(-1),
    demoUrl: () => demo.url,
    written: () => whenWritten(cache),
    prefix: 'cd',
  });

  it('makes one summary for several batches of one burst, ahead and in flight alike', async () => {
    const scene = ids.slice(0, 12);
    const before = summaries();
    const first = await batch(scene.slice(0, 4), 'cd-scene-1', scene);
    expect(logLines.at(-1)).toMatch(
      /compact-detail \(connectors\|json\) 4 skeletons: .*, summary of 12 ids for burst$/,
    );
    const [second, third] = await Promise.all([
      batch(scene.slice(4, 8), 'cd-scene-1', scene),
      batch(scene.slice(8, 12), 'cd-scene-1', scene),
    ]);
    expect(summaries() - before).toBe(1);
    expect([...first.nodes.keys(), ...second.nodes.keys(), ...third.nodes.keys()]).toEqual(scene);
    expect(logLines.slice(-2).every((l) => l.endsWith(', editions from burst'))).toBe(true);
    // The answer is CATMAID's own: the same as a request without the hint, cache or not.
    await whenWritten(cache);
    expect((await batch(scene.slice(4, 8), 'cd-scene-1', scene)).text).toBe(second.text);
    expect((await batch(scene.slice(4, 8), undefined, [], offBase)).text).toBe(second.text);
  });
});

describe('the burst hint never reaches CATMAID', () => {
  const plain = (skeletonIds: number[], flags = FLAGS) => form(skeletonIds, [], flags);
  const hinted = (skeletonIds: number[], flags = FLAGS) =>
    form(
      skeletonIds,
      [
        ['burst', 'cd-hint'],
        ['ahead', ids.slice(0, 8).join(',')],
      ],
      flags,
    );

  /** The one compact-detail request CATMAID received, checked for a right content-length. */
  const received = () => {
    const asked = dataAsked();
    expect(asked).toHaveLength(1);
    const [one] = asked;
    expect(one?.length).toBe(String(Buffer.byteLength(one?.body ?? '')));
    return one?.body ?? '';
  };

  it('is taken out with the cache off, and a form without it goes on byte for byte', async () => {
    const some = ids.slice(8, 10);
    const res = await post(offBase, hinted(some));
    expect(res.status).toBe(200);
    expect(new URLSearchParams(received())).toEqual(new URLSearchParams(plain(some)));
    const hintedAnswer = await res.text();

    relayed.length = 0;
    // Raw brackets, as the app's encoder writes them: passed on exactly as they came.
    const raw = plain(some).replace(/%5B/g, '[').replace(/%5D/g, ']');
    const again = await post(offBase, raw);
    expect(received()).toBe(raw);
    expect(await again.text()).toBe(hintedAnswer);
  });

  it('is taken out of a form the cache does not answer, and of a cache miss it forwards', async () => {
    // `with_history` is not a variant the cache keeps: the request goes to CATMAID as it came.
    const history: [string, string][] = [...FLAGS, ['with_history', 'true']];
    const some = ids.slice(10, 12);
    expect((await post(cachedBase, hinted(some, history))).status).toBe(200);
    expect(new URLSearchParams(received())).toEqual(new URLSearchParams(plain(some, history)));

    // A cold batch the cache forwards whole (and keeps): the form without the hint.
    relayed.length = 0;
    const tags: [string, string][] = [
      ['with_tags', 'true'],
      ['format', 'json'],
    ];
    expect((await post(cachedBase, hinted(some, tags))).status).toBe(200);
    expect(new URLSearchParams(received())).toEqual(new URLSearchParams(plain(some, tags)));
    expect(logLines.at(-1)).toMatch(/\(tags\|json\) 2 skeletons: hits 0, misses 2/);
  });

  it('refuses a malformed burst or ahead with the proxy’s JSON error, cache on or off', async () => {
    const bad: [string, string][][] = [
      [['burst', 'not ok!']],
      [['ahead', '1,2']],
      [
        ['burst', 'a'],
        ['ahead', '1,,2'],
      ],
      [
        ['burst', 'a'],
        ['burst', 'b'],
      ],
    ];
    for (const base of [cachedBase, offBase]) {
      for (const extra of bad) {
        const res = await post(base, form([ids[0] ?? 0], extra));
        expect(res.status, JSON.stringify(extra)).toBe(400);
        expect(await res.json()).toMatchObject({ type: 'ProxyBadRequest' });
      }
    }
    expect(relayed, 'nothing reached CATMAID').toEqual([]);
  });
});
