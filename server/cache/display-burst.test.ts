/**
 * The display route's bursts, in front of the embedded demo server: the requests of one burst
 * make ONE `skeletons/summary` between them; a new burst and a request without one ask anew, so an
 * edit in CATMAID is seen by the next view (e2e/stale-skeleton.spec.ts reloads at once); ids gone
 * from CATMAID stay gone; a malformed `burst` or `ahead` is refused.
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDisplayBatch } from '../../src/3d/geometry/display-pack.ts';
import { startTestServer } from '../demo/testing/demo-client.ts';
import type { DemoServer } from '../demo/server.ts';
import { closeCacheFixture, proxyOn, settingsFor } from '../test-servers.ts';
import { createSkeletonCache, whenWritten, type SkeletonCache } from './skeleton-cache.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { burstScenarios } from './testing/burst-scenarios.ts';

// The demo's test-only edit route is registered when routes.ts loads.
vi.hoisted(() => {
  process.env.DEMO_TEST_EDITS = '1';
});

const dir = mkdtempSync(join(tmpdir(), 'display-burst-'));
const servers: Server[] = [];
const logLines: string[] = [];
let demo: DemoServer;
let cache: SkeletonCache;
let base = '';
let ids: number[] = [];

beforeAll(async () => {
  demo = await startTestServer();
  ids = [...(demo.store.projects.get(1)?.skelById.keys() ?? [])].slice(0, 16);
  cache = createSkeletonCache({
    store: openSqliteStore(join(dir, 'cache.sqlite'), 1 << 28),
    maxBytes: 1 << 28,
    log: (line) => logLines.push(line),
  });
  const { proxy, base: at } = await proxyOn(settingsFor(demo.url), { cache });
  servers.push(proxy);
  base = at;
});

afterAll(async () => {
  await whenWritten(cache);
  await closeCacheFixture(servers, cache, dir);
  await demo.close();
});

/** The form the browser sends (display-fetch.ts), with any extra fields. */
function post(skeletonIds: number[], extra: [string, string][] = []) {
  const body = new URLSearchParams([
    ...skeletonIds.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
    ['with_connectors', 'true'],
    ['format', 'msgpack'],
    ...extra,
  ]).toString();
  return fetch(`${base}/api/display/1/skeletons`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

async function display(skeletonIds: number[], burst?: string, ahead: number[] = []) {
  const extra: [string, string][] = burst ? [['burst', burst]] : [];
  if (ahead.length > 0) extra.push(['ahead', ahead.join(',')]);
  const res = await post(skeletonIds, extra);
  expect(res.status).toBe(200);
  return readDisplayBatch(await res.arrayBuffer());
}

const summaries = () => demo.requests().filter((q) => q.path.endsWith('/skeletons/summary')).length;

describe('the display route asks edition times once per burst', () => {
  burstScenarios({
    nodes: async (some, burst, ahead) =>
      new Map([...(await display(some, burst, ahead))].map(([id, d]) => [id, d.piece.nodeCount])),
    ids: () => ids,
    summaries,
    lastLog: () => logLines.at(-1),
    demoUrl: () => demo.url,
    written: () => whenWritten(cache),
    prefix: 'display',
  });

  it('makes one summary for several requests of one burst, ahead and in flight alike', async () => {
    const scene = ids.slice(0, 12);
    const before = summaries();
    const first = await display(scene.slice(0, 4), 'scene-1', scene);
    expect(logLines.at(-1)).toMatch(/4 skeletons: .*, summary of 12 ids for burst$/);
    const [second, third] = await Promise.all([
      display(scene.slice(4, 8), 'scene-1', scene),
      display(scene.slice(8, 12), 'scene-1', scene),
    ]);
    expect(summaries() - before).toBe(1);
    expect([...first.keys(), ...second.keys(), ...third.keys()]).toEqual(scene);
    expect(logLines.slice(-2).every((l) => l.endsWith(', editions from burst'))).toBe(true);
  });

  it('leaves out an id the burst’s summary did not find, as one request’s summary would', async () => {
    const missing = 987_654_321;
    const known = ids[14] ?? 0;
    await display([known], 'scene-3', [missing]);
    const before = summaries();
    const packs = await display([missing, ids[15] ?? 0], 'scene-3');
    expect([...packs.keys()]).toEqual([ids[15]]);
    expect(summaries() - before).toBe(1); // ids[15] was not ahead: asked, not the gone one
    expect(logLines.at(-1)).toMatch(/2 skeletons: .*gone 1, .*summary of 1 ids for burst$/);
  });

  it('refuses a malformed burst or ahead with the route’s JSON error', async () => {
    const bad: [string, string][][] = [
      [['burst', 'not ok!']],
      [['burst', 'x'.repeat(65)]],
      [['burst', '']],
      [
        ['burst', 'a'],
        ['burst', 'b'],
      ],
      [['ahead', '1,2']],
      [
        ['burst', 'a'],
        ['ahead', '1,,2'],
      ],
      [
        ['burst', 'a'],
        ['ahead', '1,x'],
      ],
      [
        ['burst', 'a'],
        ['ahead', Array.from({ length: 2001 }, (_, i) => i + 1).join(',')],
      ],
    ];
    for (const extra of bad) {
      const res = await post([ids[0] ?? 0], extra);
      expect(res.status, JSON.stringify(extra).slice(0, 80)).toBe(400);
      expect(await res.json()).toMatchObject({ type: 'ProxyBadRequest' });
    }
    // The longest burst id and a full `ahead` are fine.
    const ahead = Array.from({ length: 2000 }, (_, i) => i + 1).join(',');
    const fine = await post(
      [ids[0] ?? 0],
      [
        ['burst', `A-${'z'.repeat(62)}`],
        ['ahead', ahead],
      ],
    );
    expect(fine.status).toBe(200);
  });
});
