/**
 * The cache in front of the embedded demo server (CATMAID 2021.12's formats: float64
 * coordinates in msgpack, DRF's compact JSON): for the flag sets the app asks for, cold and warm
 * answers through the cache are byte for byte the answers of the same proxy without a cache,
 * and a single GET hit is the same skeleton's bytes inside a batch answer; with either store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../demo/testing/demo-client.ts';
import type { DemoServer } from '../demo/server.ts';
import { createApiMiddleware } from '../proxy/handler.ts';
import { close, listen, settingsFor } from '../test-servers.ts';
import { createSkeletonCache, whenWritten, type SkeletonCache } from './skeleton-cache.ts';
import { openRedisStore } from './redis-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { CacheStore } from './store.ts';
import {
  hasRedisServer,
  redisMissingMessage,
  startRedis,
  type TestRedis,
} from './testing/redis-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'demo-upstream-cache-'));
let demo: DemoServer;
let cache: SkeletonCache;
const servers: Server[] = [];
let cachedBase = '';
let plainBase = '';
let ids: number[] = [];

async function proxy(withCache: boolean): Promise<string> {
  const api = createApiMiddleware(settingsFor(demo.url), withCache ? { cache } : {});
  const server = createServer((req, res) => api(req, res, () => res.writeHead(404).end()));
  servers.push(server);
  return `http://127.0.0.1:${await listen(server)}`;
}

beforeAll(async () => {
  demo = await startTestServer();
  const project = demo.store.projects.get(1);
  ids = [...(project?.skelById.keys() ?? [])].slice(0, 12);
  const store = openSqliteStore(join(dir, 'cache.sqlite'), 1 << 28);
  cache = createSkeletonCache({ store, maxBytes: 1 << 28, log: () => undefined });
  cachedBase = await proxy(true);
  plainBase = await proxy(false);
});

afterAll(async () => {
  for (const s of servers) await close(s);
  await demo.close();
  await whenWritten(cache);
  await cache.store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function batch(base: string, skeletonIds: number[], flags: [string, string][]) {
  const form = new URLSearchParams([
    ...skeletonIds.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
    ...flags,
  ]);
  const res = await fetch(`${base}/api/catmaid/1/skeletons/compact-detail`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const settle = () => whenWritten(cache);

function flagSetTests(): void {
  describe.each([
    [
      '3D view: connectors, tags, msgpack',
      [
        ['with_connectors', 'true'],
        ['with_tags', 'true'],
        ['format', 'msgpack'],
      ],
    ],
    ['geometry first: nodes only, msgpack', [['format', 'msgpack']]],
    [
      'who built it: connectors, reviews, user info, JSON',
      [
        ['with_connectors', 'true'],
        ['with_reviews', 'true'],
        ['with_user_info', 'true'],
      ],
    ],
    ['time invested: connectors, JSON', [['with_connectors', 'true']]],
  ] as [string, [string, string][]][])('%s', (_name, flags) => {
    it('cold, warm and mixed answers equal the uncached ones', async () => {
      const first = ids.slice(0, 6);
      const plainFirst = await batch(plainBase, first, flags);
      expect((await batch(cachedBase, first, flags)).equals(plainFirst)).toBe(true);
      await settle();
      const hits = cache.counters.hits;
      expect((await batch(cachedBase, first, flags)).equals(plainFirst)).toBe(true);
      expect(cache.counters.hits - hits).toBe(6);
      await settle();
      const mixed = [ids[8] ?? 0, ids[2] ?? 0, ids[9] ?? 0, ids[0] ?? 0];
      // CATMAID answers in request order (a Python dict filled in that order). The demo's JSON
      // batch is a JS object, which puts integer keys in ascending order, so JSON is compared on
      // ascending ids only; msgpack (a Map in the demo) also in request order.
      if (!flags.some(([k, v]) => k === 'format' && v === 'msgpack')) mixed.sort((a, b) => a - b);
      const plainMixed = await batch(plainBase, mixed, flags);
      expect((await batch(cachedBase, mixed, flags)).equals(plainMixed)).toBe(true);
    });

    it('a single GET hit is that skeleton alone, as CATMAID sends it', async () => {
      const query = new URLSearchParams(flags).toString();
      const id = ids[2] ?? 0;
      const url = (base: string) => `${base}/api/catmaid/1/skeletons/${id}/compact-detail?${query}`;
      const plain = Buffer.from(await (await fetch(url(plainBase))).arrayBuffer());
      const hits = cache.counters.hits;
      const cached = Buffer.from(await (await fetch(url(cachedBase))).arrayBuffer());
      expect(cache.counters.hits - hits).toBe(1);
      expect(cached.equals(plain)).toBe(true);
    });
  });
}

describe('through SQLite', flagSetTests);

if (!hasRedisServer) console.warn(redisMissingMessage);

describe.runIf(hasRedisServer)('through Redis', () => {
  let redis: TestRedis;
  let sqlite: CacheStore | null = null;
  beforeAll(async () => {
    redis = await startRedis();
    sqlite = cache.store;
    cache.store = await openRedisStore(redis.url, 1 << 28, 'demo-upstream:');
    cache.backend = 'redis';
  });
  afterAll(async () => {
    await whenWritten(cache);
    await cache.store?.close();
    cache.store = sqlite;
    await redis.stop();
  });
  flagSetTests();
});
