/**
 * The display route in front of the embedded demo server: its packs are exactly what the app
 * builds from the same compact-detail (coarse level, synapses, soma, bounds, counts) with the
 * summary's edition time; warm requests, and the browser's later full load, never ask CATMAID for
 * data again; full entries are kept only once no answer is being produced (write-behind.ts), and a
 * full load that comes first has them written at once; a full entry cached earlier is derived
 * from; an edited skeleton is derived anew; a deleted id is left out; with no store the route
 * still answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeCompactDetail } from '../../src/api/compact-detail-decode.ts';
import { decodeCompactDetailBatchMsgpack } from '../../src/api/compact-detail-msgpack.ts';
import type { SkeletonDetail } from '../../src/api/skeleton-detail.ts';
import { displayPieceOf } from '../../src/3d/geometry/display-piece.ts';
import {
  DISPLAY_CONTENT_TYPE,
  readDisplayBatch,
  type ReadDisplay,
} from '../../src/3d/geometry/display-pack.ts';
import { buildSkeletonPiece } from '../../src/3d/geometry/skeleton-piece.ts';
import { startTestServer } from '../demo/testing/demo-client.ts';
import type { DemoServer } from '../demo/server.ts';
import { createApiMiddleware } from '../proxy/handler.ts';
import { close, listen, settingsFor } from '../test-servers.ts';
import { editedAtOf } from './display-derive.ts';
import { createSkeletonCache, whenWritten, type SkeletonCache } from './skeleton-cache.ts';
import { openSqliteStore } from './sqlite-store.ts';

// The demo's test-only edit route is registered when routes.ts loads.
vi.hoisted(() => {
  process.env.DEMO_TEST_EDITS = '1';
});

const VIEWER: [string, string][] = [
  ['with_connectors', 'true'],
  ['with_tags', 'true'],
  ['format', 'msgpack'],
];
const dir = mkdtempSync(join(tmpdir(), 'serve-display-'));
let demo: DemoServer;
let cache: SkeletonCache;
const logLines: string[] = [];
const servers: Server[] = [];
let base = '';
let offBase = '';
let ids: number[] = [];

async function proxy(c: SkeletonCache | undefined): Promise<string> {
  const api = createApiMiddleware(settingsFor(demo.url), { cache: c });
  const server = createServer((req, res) => api(req, res, () => res.writeHead(404).end()));
  servers.push(server);
  return `http://127.0.0.1:${await listen(server)}`;
}

beforeAll(async () => {
  demo = await startTestServer();
  ids = [...(demo.store.projects.get(1)?.skelById.keys() ?? [])].slice(0, 18);
  cache = createSkeletonCache({
    store: openSqliteStore(join(dir, 'cache.sqlite'), 1 << 28),
    maxBytes: 1 << 28,
    log: (line) => logLines.push(line),
    // As a server runs (write-behind.ts): every test below also goes through deferred writes.
    writeBehindBytes: 1 << 28,
  });
  base = await proxy(cache);
  offBase = await proxy(createSkeletonCache({ store: null, maxBytes: 0, log: () => undefined }));
});

afterAll(async () => {
  for (const s of servers) await close(s);
  await demo.close();
  await whenWritten(cache);
  await cache.store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const form = (skeletonIds: number[], flags: [string, string][]) =>
  new URLSearchParams([
    ...skeletonIds.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
    ...flags,
  ]).toString();

async function post(url: string, body: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { res, bytes: await res.arrayBuffer() };
}

async function display(at: string, skeletonIds: number[], flags = VIEWER) {
  const { res, bytes } = await post(`${at}/api/display/1/skeletons`, form(skeletonIds, flags));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(DISPLAY_CONTENT_TYPE);
  expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
  return { bytes, packs: readDisplayBatch(bytes) };
}

/** compact-detail requests the demo server has answered so far. */
const dataRequests = () => demo.requests().filter((q) => q.path.endsWith('/compact-detail')).length;

/** What the app itself builds from the demo's compact-detail, and the summary's times. */
async function expected(skeletonIds: number[], flags = VIEWER) {
  const body = form(skeletonIds, flags);
  const detail = await post(`${demo.url}1/skeletons/compact-detail`, body);
  const summary = await post(`${demo.url}1/skeletons/summary`, form(skeletonIds, []));
  const times = JSON.parse(new TextDecoder().decode(summary.bytes)) as Record<
    string,
    { last_edition_time: string }
  >;
  let decoded: Map<number, SkeletonDetail | Error>;
  if (flags.some(([k, v]) => k === 'format' && v === 'msgpack')) {
    decoded = decodeCompactDetailBatchMsgpack(new Uint8Array(detail.bytes), 'test');
  } else {
    const raw = JSON.parse(new TextDecoder().decode(detail.bytes)) as {
      skeletons: Record<string, unknown>;
    };
    decoded = new Map(
      Object.entries(raw.skeletons).map(([id, v]) => [Number(id), decodeCompactDetail(v, +id)]),
    );
  }
  return { decoded, times };
}

function expectSame(got: ReadDisplay | undefined, d: SkeletonDetail | Error | undefined, t = '') {
  if (!d || d instanceof Error) throw new Error('the demo skeleton did not decode');
  const want = displayPieceOf(d, buildSkeletonPiece(d));
  const p = got?.piece;
  expect(p?.skeletonId).toBe(d.skeletonId);
  expect(p?.nodeCount).toBe(d.nodeCount);
  expect(p?.maxStrahler).toBe(want.maxStrahler);
  expect(p?.bounds).toEqual({
    min: want.bounds.min.map(Math.fround),
    max: want.bounds.max.map(Math.fround),
  });
  expect(p?.soma?.nodeIndex ?? -1).toBe(want.soma?.nodeIndex ?? -1);
  if (want.soma) expect(p?.soma?.position).toEqual(want.soma.position.map(Math.fround));
  expect([...(p?.coarse.source ?? [])]).toEqual([...want.coarse.source]);
  expect([...(p?.coarse.positions ?? [])]).toEqual([...want.coarse.positions]);
  expect([...(p?.coarse.info ?? [])]).toEqual([...want.coarse.info]);
  expect([...(p?.coarse.indices ?? [])]).toEqual([...want.coarse.indices]);
  expect([...(p?.connectorPositions ?? [])]).toEqual([...want.connectorPositions]);
  expect([...(p?.connectorInfo ?? [])]).toEqual([...want.connectorInfo]);
  expect(got?.editedAt).toBe(editedAtOf(t));
  expect(got?.editedAt).toBeGreaterThan(0);
}

describe('the display route', () => {
  const cold = () => ids.slice(0, 5);

  it('answers what the app builds from compact-detail, with the edition time, asking once', async () => {
    const before = dataRequests();
    const { packs } = await display(base, cold());
    expect(dataRequests() - before).toBe(1);
    expect([...packs.keys()]).toEqual(cold());
    const { decoded, times } = await expected(cold());
    for (const id of cold())
      expectSame(packs.get(id), decoded.get(id), times[id]?.last_edition_time);
    // Synapses and a soma are really there to compare (the demo's neurons have both).
    expect([...packs.values()].some((p) => p.piece.connectorInfo.length > 0)).toBe(true);
    expect([...packs.values()].some((p) => p.piece.soma !== null)).toBe(true);
    expect(logLines.at(-1)).toMatch(
      /^\[cache\] POST \/api\/display\/1\/skeletons \(display connectors\+tags\|msgpack\) 5 skeletons: hits 0 .*misses 5/,
    );
  });

  it('serves a second request from its entries, and the full load after it too', async () => {
    await whenWritten(cache);
    const first = await display(base, cold());
    const before = dataRequests();
    const hits = cache.counters.hits;
    const again = await display(base, cold());
    expect(dataRequests()).toBe(before);
    expect(cache.counters.hits - hits).toBe(5);
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    // The browser's later compact-detail batch of the same ids: every skeleton a hit, and the
    // bytes CATMAID (the demo) sends for it.
    const body = form(cold(), VIEWER);
    const full = await post(`${base}/api/catmaid/1/skeletons/compact-detail`, body);
    expect(dataRequests()).toBe(before);
    expect(cache.counters.hits - hits).toBe(10);
    const plain = await post(`${demo.url}1/skeletons/compact-detail`, body);
    expect(Buffer.from(full.bytes).equals(Buffer.from(plain.bytes))).toBe(true);
  });

  it('answers before keeping the full entries; a full load that comes at once waits for them and hits', async () => {
    const some = ids.slice(11, 13);
    const before = dataRequests();
    const hits = cache.counters.hits;
    await display(base, some);
    // No waiting for the writes: the full entries are still being packed and stored.
    const body = form(some, VIEWER);
    const full = await post(`${base}/api/catmaid/1/skeletons/compact-detail`, body);
    expect(dataRequests() - before).toBe(1);
    expect(cache.counters.hits - hits).toBe(2);
    const plain = await post(`${demo.url}1/skeletons/compact-detail`, body);
    expect(Buffer.from(full.bytes).equals(Buffer.from(plain.bytes))).toBe(true);
  });

  it('keeps the full entries only once no answer is being produced (the display ones at once)', async () => {
    const some = ids.slice(16, 18);
    await whenWritten(cache);
    const entries = async () => (await cache.store?.stats())?.entries ?? 0;
    const start = await entries();
    const otherAnswer = cache.writes.answering(); // another browser's request in progress
    await display(base, some);
    await vi.waitFor(async () => expect(await entries(), 'display entries').toBe(start + 2));
    await new Promise((r) => setTimeout(r, 50));
    expect(await entries(), 'no full entry yet').toBe(start + 2);
    expect(cache.writes.heldBytes).toBeGreaterThan(0);
    otherAnswer();
    await vi.waitFor(async () => expect(await entries(), 'full entries').toBe(start + 4), {
      timeout: 10_000,
    });
    expect(cache.writes.heldBytes).toBe(0);
  });

  it('derives from a full entry an earlier compact-detail request cached', async () => {
    const some = ids.slice(5, 8);
    await post(`${base}/api/catmaid/1/skeletons/compact-detail`, form(some, VIEWER));
    await whenWritten(cache);
    const before = dataRequests();
    const { packs } = await display(base, some);
    expect(dataRequests()).toBe(before);
    expect(logLines.at(-1)).toMatch(/3 skeletons: hits 3 \(3 derived from full entries\)/);
    const { decoded, times } = await expected(some);
    for (const id of some) expectSame(packs.get(id), decoded.get(id), times[id]?.last_edition_time);
  });

  it('derives an edited skeleton anew, and only that one', async () => {
    const some = ids.slice(8, 11);
    const edited = ids[9] ?? 0;
    const first = await display(base, some);
    await whenWritten(cache);
    const edit = await post(
      `${demo.url}1/test-edits/skeletons/${edited}/drop-nodes`,
      new URLSearchParams({ count: '3' }).toString(),
    );
    expect(edit.res.status).toBe(200);
    const before = dataRequests();
    const { packs } = await display(base, some);
    expect(dataRequests() - before).toBe(1);
    expect(logLines.at(-1)).toMatch(/hits 2 .*misses 0, stale 1/);
    const old = first.packs.get(edited);
    expect(packs.get(edited)?.piece.nodeCount).toBe((old?.piece.nodeCount ?? 0) - 3);
    expect(packs.get(edited)?.editedAt).toBe((old?.editedAt ?? 0) + 3_600_000);
    const { decoded, times } = await expected(some);
    for (const id of some) expectSame(packs.get(id), decoded.get(id), times[id]?.last_edition_time);
  });

  it('leaves an id CATMAID does not have out, and answers the others', async () => {
    const some = [ids[11] ?? 0, 987_654_321, ids[12] ?? 0];
    const { packs } = await display(base, some);
    expect([...packs.keys()]).toEqual([ids[11], ids[12]]);
    expect(logLines.at(-1)).toMatch(/3 skeletons: .*gone 1/);
  });

  it('asks CATMAID once for two browsers asking the same cold skeletons at once', async () => {
    const some = ids.slice(13, 16);
    const before = dataRequests();
    const [a, b] = await Promise.all([display(base, some), display(base, some)]);
    expect(dataRequests() - before).toBe(1);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.packs.size).toBe(3);
  });

  it('works without a store (CACHE=off), JSON variant too', async () => {
    const flags: [string, string][] = [['with_connectors', 'true']];
    const some = ids.slice(0, 3);
    const before = dataRequests();
    const { packs } = await display(offBase, some, flags);
    await display(offBase, some, flags);
    expect(dataRequests() - before).toBe(2);
    const { decoded, times } = await expected(some, flags);
    for (const id of some) expectSame(packs.get(id), decoded.get(id), times[id]?.last_edition_time);
  });

  it('refuses requests it does not understand', async () => {
    const bad = await post(
      `${base}/api/display/1/skeletons`,
      'skeleton_ids[0]=1&with_history=true',
    );
    expect(bad.res.status).toBe(400);
    const get = await fetch(`${base}/api/display/1/skeletons`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(`${base}/api/display/1/other`, { method: 'POST' })).status).toBe(404);
  });
});
