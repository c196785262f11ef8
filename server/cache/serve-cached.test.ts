/**
 * The cache in the proxy, against a stub CATMAID: misses go upstream in one request and are
 * stored, hits are served without asking for data again, an edited skeleton (new edition time)
 * is refetched, a deleted one is evicted and CATMAID's own 404 reaches the browser, and every
 * answer is byte for byte what the same proxy without a cache sends.
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeCacheFixture, listen, proxyOn, settingsFor } from '../test-servers.ts';
import { cacheKey } from './entry-writes.ts';
import { createSkeletonCache, whenWritten, type SkeletonCache } from './skeleton-cache.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { cachedRequest } from './request-variant.ts';
import { chain, stubCatmaid, type StubCatmaid } from './testing/stub-catmaid.ts';

const TOKEN = 'c0ffee'.repeat(7).slice(0, 40);
const dir = mkdtempSync(join(tmpdir(), 'serve-cached-'));
let stub: StubCatmaid;
let cache: SkeletonCache;
const logLines: string[] = [];
let cachedBase: string;
let plainBase: string;
const servers: Server[] = [];

async function proxyServer(withCache: boolean): Promise<string> {
  const port = (stub.server.address() as { port: number }).port;
  const settings = settingsFor(`http://127.0.0.1:${port}/`, { token: TOKEN });
  const { proxy, base } = await proxyOn(settings, withCache ? { cache } : {});
  servers.push(proxy);
  return base;
}

beforeAll(async () => {
  stub = stubCatmaid([
    [101, chain(1000, 5, '2026-01-01T00:00:00+00:00')],
    [102, chain(2000, 7, '2026-01-02T00:00:00+00:00')],
    [103, chain(3000, 3, '2026-01-03T00:00:00.5+00:00')],
    [104, chain(4000, 2, '2026-01-04T00:00:00+00:00')],
  ]);
  await listen(stub.server);
  const store = openSqliteStore(join(dir, 'cache.sqlite'), 1 << 24);
  cache = createSkeletonCache({
    store,
    maxBytes: 1 << 24,
    log: (l) => logLines.push(l),
    writeBehindBytes: 1 << 24, // as a server runs (write-behind.ts)
  });
  cachedBase = await proxyServer(true);
  plainBase = await proxyServer(false);
});

afterAll(() => closeCacheFixture([...servers, stub.server], cache, dir));

beforeEach(() => {
  stub.requests.length = 0;
  stub.summaryStatus = 200;
});

function batchForm(ids: number[], extra: [string, string][]): string {
  return new URLSearchParams([
    ...ids.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
    ...extra,
  ]).toString();
}

async function post(base: string, ids: number[], extra: [string, string][] = []) {
  const res = await fetch(`${base}/api/catmaid/1/skeletons/compact-detail`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: batchForm(ids, extra),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

/** The cached answer, the uncached one, and what the cached request alone asked upstream. */
async function both(ids: number[], extra: [string, string][] = []) {
  const cached = await post(cachedBase, ids, extra);
  // Let a miss's copy reach the store before the next request.
  await whenWritten(cache);
  const asked = stub.requests.splice(0);
  const plain = await post(plainBase, ids, extra);
  stub.requests.length = 0;
  return { cached, plain, asked };
}

const dataRequests = (asked: { path: string; ids: number[] }[]) =>
  asked.filter((r) => r.path.endsWith('compact-detail'));

const MSGPACK: [string, string][] = [
  ['with_connectors', 'true'],
  ['with_tags', 'true'],
  ['format', 'msgpack'],
];

describe('the skeleton cache in the proxy', () => {
  it('cold: misses go upstream once, after one summary check, and the answer is CATMAID’s bytes', async () => {
    const { cached, plain, asked } = await both([101, 102, 103], MSGPACK);
    expect(cached.status).toBe(200);
    expect(cached.type).toBe('application/octet-stream');
    expect(cached.body.equals(plain.body)).toBe(true);
    expect(asked.map((r) => r.path)).toEqual([
      '/1/skeletons/summary',
      '/1/skeletons/compact-detail',
    ]);
    expect(asked[0]?.ids).toEqual([101, 102, 103]);
    expect(cache.counters).toMatchObject({ misses: 3, hits: 0 });
    expect(logLines.at(-1)).toMatch(
      /POST \/1\/skeletons\/compact-detail \(connectors\+tags\|msgpack\) 3 skeletons: hits 0, misses 3, stale 0, gone 0/,
    );
  });

  it('warm: every skeleton from the cache, upstream only asked for the summary', async () => {
    const { cached, plain, asked } = await both([101, 102, 103], MSGPACK);
    expect(cached.body.equals(plain.body)).toBe(true);
    expect(asked.map((r) => r.path)).toEqual(['/1/skeletons/summary']);
    expect(cache.counters).toMatchObject({ misses: 3, hits: 3 });
  });

  it('mixed: hits and misses assembled in request order; only the misses fetched, in one request', async () => {
    const { cached, plain, asked } = await both([103, 104, 101], MSGPACK);
    expect(cached.body.equals(plain.body)).toBe(true);
    expect(dataRequests(asked)).toEqual([
      { method: 'POST', path: '/1/skeletons/compact-detail', ids: [104] },
    ]);
    expect(cache.counters).toMatchObject({ misses: 4, hits: 5 });
  });

  it('stale then edited: a new edition time refetches that skeleton and the new shape is served and kept', async () => {
    const before = await both([101, 102], MSGPACK);
    expect(dataRequests(before.asked)).toEqual([]);
    stub.skeletons.set(102, chain(2000, 12, '2026-02-01T09:00:00.25+00:00'));
    const after = await both([101, 102], MSGPACK);
    expect(after.cached.body.equals(after.plain.body)).toBe(true);
    expect(after.cached.body.equals(before.cached.body)).toBe(false);
    expect(dataRequests(after.asked).map((r) => r.ids)).toEqual([[102]]);
    expect(cache.counters.stale).toBe(1);
    expect(logLines.at(-1)).toMatch(/hits 1, misses 0, stale 1, gone 0/);
    const again = await both([101, 102], MSGPACK);
    expect(dataRequests(again.asked)).toEqual([]);
    expect(again.cached.body.equals(after.cached.body)).toBe(true);
  });

  it('keeps a forwarded answer once no answer is being produced; asked for meanwhile, it is written and hits', async () => {
    // Reviews: no full entry holds this variant (narrower-answer.ts), so the first is a miss.
    const flags: [string, string][] = [
      ['with_reviews', 'true'],
      ['format', 'msgpack'],
    ];
    await whenWritten(cache);
    const otherAnswer = cache.writes.answering(); // another browser's request in progress
    const first = await post(cachedBase, [101, 102], flags);
    await new Promise((r) => setTimeout(r, 50));
    expect(cache.writes.heldBytes, 'kept, not yet written').toBeGreaterThan(0);
    stub.requests.length = 0;
    const hits = cache.counters.hits;
    const second = await post(cachedBase, [101, 102], flags);
    expect(second.body.equals(first.body)).toBe(true);
    expect(dataRequests(stub.requests.splice(0)), 'no data asked again').toEqual([]);
    expect(cache.counters.hits - hits).toBe(2);
    expect(cache.writes.heldBytes).toBe(0);
    otherAnswer();
  });

  it('a clear while answers wait to be written leaves the cache empty: they are not written after it', async () => {
    const flags: [string, string][] = [
      ['with_annotations', 'true'],
      ['format', 'msgpack'],
    ];
    await whenWritten(cache);
    const otherAnswer = cache.writes.answering(); // writes wait
    await post(cachedBase, [101, 102], flags);
    await new Promise((r) => setTimeout(r, 50));
    expect(cache.writes.heldBytes, 'kept, not yet written').toBeGreaterThan(0);
    const res = await fetch(`${cachedBase}/api/cache/clear`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    otherAnswer();
    await whenWritten(cache);
    expect(cache.writes.heldBytes).toBe(0);
    expect((await cache.store?.stats())?.entries, 'nothing written after the clear').toBe(0);
    stub.requests.length = 0;
    await post(cachedBase, [101, 102], flags);
    expect(dataRequests(stub.requests.splice(0)), 'cold again').toHaveLength(1);
  });

  it('geometry first after a full load: nodes-only answers come from the full entries, as CATMAID would send them', async () => {
    const nodesOnly: [string, string][] = [['format', 'msgpack']];
    stub.skeletons.set(105, {
      ...chain(5000, 4, '2026-01-05T00:00:00+00:00'),
      connectors: [[5001, 77, 0, 1.5, 2.5, 3.5]],
      tags: { soma: [5000] },
    });
    await both([105, 101], MSGPACK); // the full entries, as a scene or `cache warm` leaves them
    const hits = cache.counters.hits;
    const { cached, plain, asked } = await both([101, 105], nodesOnly);
    expect(cached.body.equals(plain.body)).toBe(true);
    expect(
      asked.map((r) => r.path),
      'CATMAID asked only for edition times',
    ).toEqual(['/1/skeletons/summary']);
    expect(cache.counters.hits - hits).toBe(2);
    expect(logLines.at(-1)).toMatch(
      /\(nodes\|msgpack\) 2 skeletons: hits 2 \(2 from fuller entries\)/,
    );
    // The connectors were in the full entry; the nodes-only answer has none, like CATMAID's.
    const full = await post(cachedBase, [105], MSGPACK);
    expect(full.body.equals(cached.body)).toBe(false);

    // Edited since: the full entry is stale, so the nodes-only answer is CATMAID's new one.
    stub.skeletons.set(105, { ...chain(5000, 9, '2026-02-05T00:00:00+00:00') });
    const after = await both([105], nodesOnly);
    expect(after.cached.body.equals(after.plain.body)).toBe(true);
    expect(dataRequests(after.asked).map((r) => r.ids)).toEqual([[105]]);
  });

  it('gone: a deleted skeleton is evicted and CATMAID’s 404 reaches the browser', async () => {
    stub.skeletons.delete(103);
    const { cached, plain, asked } = await both([101, 103], MSGPACK);
    expect(cached.status).toBe(404);
    expect(cached.body.equals(plain.body)).toBe(true);
    expect(dataRequests(asked).map((r) => r.ids)).toEqual([[101, 103]]);
    const r = cachedRequest(
      'POST',
      '/1/skeletons/compact-detail',
      '',
      Buffer.from(batchForm([103], MSGPACK)),
      'application/x-www-form-urlencoded',
    );
    const key =
      r &&
      cacheKey(
        settingsFor(`http://127.0.0.1:${(stub.server.address() as { port: number }).port}/`),
        r,
        103,
      );
    expect((await cache.store?.getMany([key ?? '']))?.size).toBe(0);
    expect(cache.counters.gone).toBe(1);
    stub.skeletons.set(103, chain(3000, 3, '2026-01-03T00:00:00.5+00:00'));
  });

  it('JSON: single GET and batch answers equal the uncached ones, and share the cached skeleton', async () => {
    const json: [string, string][] = [['with_connectors', 'true']];
    const cold = await both([101, 104], json);
    expect(cold.cached.type).toBe('application/json');
    expect(cold.cached.body.equals(cold.plain.body)).toBe(true);
    const url = (base: string) =>
      `${base}/api/catmaid/1/skeletons/104/compact-detail?with_connectors=true`;
    const single = Buffer.from(await (await fetch(url(cachedBase))).arrayBuffer());
    const asked = stub.requests.splice(0);
    const plain = Buffer.from(await (await fetch(url(plainBase))).arrayBuffer());
    stub.requests.length = 0;
    expect(single.equals(plain)).toBe(true);
    expect(asked.map((r) => r.path)).toEqual(['/1/skeletons/summary']);
    const again = await both([104, 101], json);
    expect(again.cached.body.equals(again.plain.body)).toBe(true);
    expect(dataRequests(again.asked)).toEqual([]);
  });

  it('without a freshness check (summary fails) nothing is served from the cache', async () => {
    stub.summaryStatus = 500;
    const hitsBefore = cache.counters.hits;
    const { cached, plain, asked } = await both([101, 102], MSGPACK);
    expect(cached.body.equals(plain.body)).toBe(true);
    expect(dataRequests(asked).map((r) => r.ids)).toEqual([[101, 102]]);
    expect(cache.counters.hits).toBe(hitsBefore);
    expect(logLines.at(-1)).toContain('passed through (no freshness check');
  });

  it('variants it does not cache go upstream untouched (history, other spellings)', async () => {
    const { asked } = await both([101], [['with_history', 'true']]);
    expect(asked.map((r) => r.path)).toEqual(['/1/skeletons/compact-detail']);
    const spelled = await both([101], [['with_connectors', '1']]);
    expect(spelled.asked.map((r) => r.path)).toEqual(['/1/skeletons/compact-detail']);
  });

  it('never logs the token', () => {
    expect(logLines.length).toBeGreaterThan(5);
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });
});

describe('the cache controls', () => {
  it('GET /api/cache/stats has the shape the UI reads', async () => {
    const stats = (await (await fetch(`${cachedBase}/api/cache/stats`)).json()) as Record<
      string,
      unknown
    >;
    expect(Object.keys(stats).sort()).toEqual([
      'backend',
      'bytes',
      'entries',
      'hits',
      'maxBytes',
      'misses',
      'stale',
      'upstream',
    ]);
    expect(stats).toMatchObject({
      backend: 'sqlite',
      maxBytes: 1 << 24,
      upstream: { limit: 8, active: 0, queued: 0, waitingBrowsers: 0 },
    });
    expect(stats.entries).toBeGreaterThan(0);
    expect(stats.hits).toBe(cache.counters.hits);
  });

  it('POST /api/cache/clear refuses what a cross-site form could send, then clears', async () => {
    const url = `${cachedBase}/api/cache/clear`;
    const form = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(form.status).toBe(403);
    expect(
      ((await (await fetch(`${cachedBase}/api/cache/stats`)).json()) as { entries: number })
        .entries,
    ).toBeGreaterThan(0);
    expect((await fetch(url)).status).toBe(405);
    const ok = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { cleared } = (await ok.json()) as { cleared: number };
    expect(cleared).toBeGreaterThan(0);
    const again = await fetch(url, {
      method: 'POST',
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(await again.json()).toEqual({ cleared: 0 });
  });

  it('a proxy without a cache leaves /api/cache/ to the next handler', async () => {
    expect((await fetch(`${plainBase}/api/cache/stats`)).status).toBe(404);
  });
});
