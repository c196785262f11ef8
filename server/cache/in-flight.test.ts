/**
 * Concurrent requests for the same skeletons (twenty browsers opening one shared link) ask a
 * busy CATMAID once; a cancelled first request does not leave the others waiting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiMiddleware } from '../proxy/handler.ts';
import { close, listen, settingsFor } from '../test-servers.ts';
import { InFlight } from './in-flight.ts';
import { createSkeletonCache, whenWritten, type SkeletonCache } from './skeleton-cache.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { chain, stubCatmaid, type StubCatmaid } from './testing/stub-catmaid.ts';

const dir = mkdtempSync(join(tmpdir(), 'in-flight-'));
let stub: StubCatmaid;
let cache: SkeletonCache;
let proxy: Server;
let base = '';
let stubBase = '';
const logLines: string[] = [];

beforeAll(async () => {
  stub = stubCatmaid(
    [70201, 70202, 70203, 70204].map((id) => [id, chain(id * 10, 4, '2026-03-01T00:00:00+00:00')]),
  );
  const port = await listen(stub.server);
  stubBase = `http://127.0.0.1:${port}`;
  const store = openSqliteStore(join(dir, 'cache.sqlite'), 1 << 24);
  cache = createSkeletonCache({ store, maxBytes: 1 << 24, log: (line) => logLines.push(line) });
  const api = createApiMiddleware(settingsFor(`http://127.0.0.1:${port}/`), { cache });
  proxy = createServer((req, res) => api(req, res, () => res.writeHead(404).end()));
  base = `http://127.0.0.1:${await listen(proxy)}`;
});

afterAll(async () => {
  await close(proxy);
  await close(stub.server);
  await whenWritten(cache);
  await cache.store?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await cache.store?.clear();
  stub.requests.length = 0;
  stub.summaryDelaysMs = [];
  logLines.length = 0;
});

function post(url: string, ids: number[], flags: [string, string][], signal?: AbortSignal) {
  const form = new URLSearchParams([
    ...ids.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
    ...flags,
    ['format', 'msgpack'],
  ]);
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    signal,
  });
}

function load(
  ids: number[],
  signal?: AbortSignal,
  flags: [string, string][] = [],
  from = `${base}/api/catmaid`,
): Promise<Buffer> {
  return post(`${from}/1/skeletons/compact-detail`, ids, flags, signal).then(async (res) =>
    Buffer.from(await res.arrayBuffer()),
  );
}

/** The 3D view's display form of some skeletons (serve-display.ts), as the viewer asks. */
async function showDisplay(ids: number[]): Promise<Buffer> {
  const res = await post(`${base}/api/display/1/skeletons`, ids, [
    ['with_connectors', 'true'],
    ['with_tags', 'true'],
  ]);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * A first request whose freshness check is slow (CATMAID busy), and a colleague's for the same
 * skeletons that starts later and fetches and stores them before that check is answered.
 * Resolves with the slow request's answer.
 */
async function slowCheckThenColleague(ask: (ids: number[]) => Promise<Buffer>): Promise<Buffer> {
  stub.dataDelayMs = 100;
  stub.summaryDelaysMs = [600, 0];
  const slow = ask([70201, 70202]);
  await new Promise((r) => setTimeout(r, 50));
  await ask([70201, 70202]);
  await whenWritten(cache);
  return slow;
}

const loadUpstream = (ids: number[]) => load(ids, undefined, [], stubBase);

const dataRequests = () => stub.requests.filter((r) => r.path.endsWith('compact-detail'));

describe('concurrent requests for the same skeletons', () => {
  it('ask CATMAID once; the others wait and are answered from the cache', async () => {
    stub.dataDelayMs = 300;
    const answers = await Promise.all([
      load([70201, 70202, 70203]),
      load([70201, 70202, 70203]),
      load([70203, 70201, 70202]),
      load([70201, 70202, 70203]),
    ]);
    expect(dataRequests().map((r) => r.ids)).toEqual([[70201, 70202, 70203]]);
    expect(answers[1]?.equals(answers[0] ?? Buffer.alloc(0))).toBe(true);
    expect(answers[3]?.equals(answers[0] ?? Buffer.alloc(0))).toBe(true);
    expect(answers[2]?.length).toBe(answers[0]?.length);
    await whenWritten(cache);
    expect(cache.inFlight.size).toBe(0);
  });

  it('a request overlapping a fetch in flight fetches only what nobody else is fetching', async () => {
    stub.dataDelayMs = 300;
    await Promise.all([load([70201, 70202]), load([70202, 70203, 70204])]);
    const asked = dataRequests().map((r) => r.ids);
    expect(asked).toContainEqual([70201, 70202]);
    expect(asked.flat().sort()).toEqual([70201, 70202, 70203, 70204]);
  });

  it('two requests waiting for the same fetch then ask CATMAID once for the rest between them', async () => {
    // Four colleagues opening one link batch it differently: a small request is fetching one
    // skeleton when two larger ones that include it arrive. Both wait for it, then each needs
    // the same two others: exactly one of them may ask for those.
    stub.dataDelayMs = 300;
    const first = load([70201]);
    await new Promise((r) => setTimeout(r, 100));
    const [a, b] = await Promise.all([load([70201, 70202, 70203]), load([70201, 70202, 70203])]);
    await first;
    expect(dataRequests().map((r) => r.ids)).toEqual([[70201], [70202, 70203]]);
    expect(b.equals(a)).toBe(true);
    await whenWritten(cache);
    expect(cache.inFlight.size).toBe(0);
  });

  it('a request whose freshness check is slow sees what another fetched and stored meanwhile', async () => {
    await slowCheckThenColleague((ids) => load(ids));
    expect(
      dataRequests().map((r) => r.ids),
      'stored before the slow check ended',
    ).toEqual([[70201, 70202]]);
  });

  it('the display route serves display entries a colleague stored during its slow freshness check', async () => {
    // As for compact-detail above: the display entries were read alongside the slow summary,
    // before the colleague stored them; deriving them again from the full entries is wasted work.
    const slowBytes = await slowCheckThenColleague(showDisplay);
    const again = await showDisplay([70201, 70202]);
    expect(dataRequests().map((r) => r.ids)).toEqual([[70201, 70202]]);
    const displayLines = logLines.filter((l) => l.includes('(display '));
    expect(displayLines[1], 'the slow request').toMatch(/hits 2 \(0 derived from full entries\)/);
    expect(slowBytes.equals(again)).toBe(true);
  });

  it('a nodes-only request waits for the full fetch of the same skeletons and asks nothing', async () => {
    // A colleague's geometry-first request arrives while the full answer is being fetched.
    stub.dataDelayMs = 300;
    const full = load([70201, 70202], undefined, [
      ['with_connectors', 'true'],
      ['with_tags', 'true'],
    ]);
    await new Promise((r) => setTimeout(r, 100));
    const nodesOnly = await load([70201, 70202]);
    await full;
    expect(dataRequests().map((r) => r.ids)).toEqual([[70201, 70202]]);
    stub.requests.length = 0;
    stub.dataDelayMs = 0;
    // What CATMAID sends for nodes only, asked straight from it.
    expect(nodesOnly.equals(await loadUpstream([70201, 70202]))).toBe(true);
  });

  it('a cancelled first request releases the ones waiting for it', async () => {
    stub.dataDelayMs = 400;
    const first = new AbortController();
    const cancelled = load([70201, 70202], first.signal).catch(() => null);
    await new Promise((r) => setTimeout(r, 100));
    const second = load([70201, 70202]);
    first.abort();
    expect(await cancelled).toBeNull();
    const answer = await second;
    expect(answer.length).toBeGreaterThan(10);
    // The second asked CATMAID itself once the first was cancelled, and stored what it got.
    expect(dataRequests()).toHaveLength(2);
    await whenWritten(cache);
    expect(cache.inFlight.size).toBe(0);
  });
});

describe('InFlight', () => {
  it('tells whether any of some keys is being fetched, until released', () => {
    const f = new InFlight();
    const release = f.claim(['a', 'b']);
    expect(f.anyOf(['x', 'b'])).toBe(true);
    expect(f.anyOf(['x', 'y'])).toBe(false);
    release();
    expect(f.anyOf(['a', 'b'])).toBe(false);
  });
});
