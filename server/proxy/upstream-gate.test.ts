/**
 * The lab-wide limit on skeleton data requests to CATMAID: at most `limit` at once for all
 * browsers, a free slot to the browser that has had least of CATMAID (first come first served
 * within one), cache hits and light requests never waiting; a long wait is logged. Checked on
 * its own and through the proxy (forwarded, cached, CACHE=off and the display route) against a
 * stub CATMAID that counts the compact-detail requests it answers at once.
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSkeletonCache, type SkeletonCache } from '../cache/skeleton-cache.ts';
import { openSqliteStore } from '../cache/sqlite-store.ts';
import { chain, stubCatmaid, type StubCatmaid } from '../cache/testing/stub-catmaid.ts';
import { closeCacheFixture, listen, proxyOn, settingsFor } from '../test-servers.ts';
import { readEnvSettings } from './env.ts';
import { upstreamGate } from './upstream-gate.ts';

describe('upstreamGate', () => {
  it('runs at most `limit` at once, in the order asked, and logs a long wait', async () => {
    const lines: string[] = [];
    let clock = 0;
    const gate = upstreamGate(
      2,
      (l) => lines.push(l),
      () => clock,
    );
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const runs = [0, 1, 2, 3].map((i) =>
      gate.run(`POST /${i}`, () => {
        started.push(i);
        return new Promise<number>((resolve) => finish.push(() => resolve(i)));
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([gate.active(), gate.queued()]).toEqual([2, 2]);
    clock = 400;
    finish[0]?.();
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    expect(lines).toEqual([
      '[upstream] POST /2 waited 400 ms for one of 2 CATMAID slots (1 still waiting, from 1 client)',
    ]);
    finish[1]?.();
    finish[2]?.();
    await new Promise((r) => setImmediate(r));
    finish[3]?.();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  /**
   * A gate with a clock of its own: `ask` queues a request that holds its slot `ms` once
   * started; `at(t, f)` runs f when the clock reaches t; `drain` ends the running requests in
   * the order of their end times, and returns the order in which all started.
   */
  function simulated(limit: number) {
    let clock = 0;
    const gate = upstreamGate(
      limit,
      () => undefined,
      () => clock,
    );
    const order: string[] = [];
    const running: { end: number; finish: () => void }[] = [];
    const timed: { t: number; f: () => void }[] = [];
    const runs: Promise<unknown>[] = [];
    const ask = (client: string, name: string, ms: number) =>
      runs.push(
        gate.run(
          name,
          () => {
            order.push(name);
            return new Promise<void>((resolve) =>
              running.push({ end: clock + ms, finish: resolve }),
            );
          },
          client,
        ),
      );
    const at = (t: number, f: () => void) => timed.push({ t, f });
    const drain = async () => {
      while (running.length > 0) {
        running.sort((a, b) => a.end - b.end);
        const first = running.shift();
        if (!first) break;
        clock = first.end;
        for (const e of timed.filter((e) => e.t <= clock)) {
          timed.splice(timed.indexOf(e), 1);
          e.f();
        }
        first.finish();
        await new Promise((r) => setImmediate(r));
      }
      await Promise.all(runs);
      return order;
    };
    return { gate, ask, at, drain };
  }

  it('gives a free slot to the browser that has had least of CATMAID, first come first served within one', async () => {
    // A big cold scene queues six 500 ms requests; a colleague then asks for one small neuron,
    // a third browser for two: theirs go before the big scene's next, not one per turn.
    const { gate, ask, drain } = simulated(1);
    for (const n of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']) ask('A', n, 500);
    ask('B', 'b1', 10);
    ask('C', 'c1', 10);
    ask('C', 'c2', 10);
    expect(gate.queued()).toBe(8);
    expect(gate.waitingClients()).toBe(3);
    expect(await drain()).toEqual(['a1', 'b1', 'c1', 'c2', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect([gate.active(), gate.queued(), gate.waitingClients()]).toEqual([0, 0, 0]);
  });

  it('lets browsers whose requests cost the same take turns', async () => {
    const { ask, drain } = simulated(1);
    for (const n of ['a1', 'a2', 'a3']) ask('A', n, 100);
    for (const n of ['b1', 'b2', 'b3']) ask('B', n, 100);
    expect(await drain()).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
  });

  it('gives a browser that starts asking no credit for the time before', async () => {
    // A has loaded alone when B starts asking, as A's fifth request ends (A has had 400 ms of
    // CATMAID, and 500 once it has ended): B is put level with 400, goes first once, and from
    // then on they take turns. With credit for the time before, B would have CATMAID to itself.
    const { ask, at, drain } = simulated(1);
    for (let i = 1; i <= 10; i++) ask('A', `a${i}`, 100);
    at(500, () => ['b1', 'b2', 'b3'].forEach((n) => ask('B', n, 100)));
    const order = await drain();
    expect(order.slice(5)).toEqual(['b1', 'a6', 'b2', 'a7', 'b3', 'a8', 'a9', 'a10']);
  });

  it("counts a browser's running requests at its average, so it does not hold every slot", async () => {
    // Two slots. A's short a0 and long a1 take both before B asks. When a0 ends B gets that
    // slot; when B's short b0 ends, both have had 100 ms, but A still holds a slot with a1:
    // the slot goes to B again, not to A in turn.
    const { ask, drain } = simulated(2);
    ask('A', 'a0', 100);
    ask('A', 'a1', 1000);
    ask('A', 'a2', 1000);
    ask('B', 'b0', 100);
    ask('B', 'b1', 1000);
    const order = await drain();
    expect(order.slice(0, 4)).toEqual(['a0', 'a1', 'b0', 'b1']);
  });

  it('a failing request frees its slot for the next', async () => {
    const gate = upstreamGate(1, () => undefined);
    const failing = gate.run('x', () => Promise.reject(new Error('CATMAID down')), 'A');
    const thrown = gate.run(
      'y',
      () => {
        throw new Error('bad request');
      },
      'B',
    );
    const next = gate.run('z', () => Promise.resolve(7), 'C');
    await expect(failing).rejects.toThrow('CATMAID down');
    await expect(thrown).rejects.toThrow('bad request');
    expect(await next).toBe(7);
    expect(gate.active()).toBe(0);
  });

  it('reads CATMAID_CONCURRENCY (default 8) and refuses nonsense', () => {
    expect(readEnvSettings({}).upstreamConcurrency).toBe(8);
    expect(readEnvSettings({ CATMAID_CONCURRENCY: '3' }).upstreamConcurrency).toBe(3);
    for (const bad of ['0', '-2', '2.5', 'many'])
      expect(() => readEnvSettings({ CATMAID_CONCURRENCY: bad })).toThrow(/CATMAID_CONCURRENCY/);
  });
});

describe('the proxy with CATMAID_CONCURRENCY = 2', () => {
  const ids = [201, 202, 203, 204, 205, 206];
  const dir = mkdtempSync(join(tmpdir(), 'upstream-gate-'));
  let stub: StubCatmaid;
  let cache: SkeletonCache;
  const servers: Server[] = [];
  let cachedBase = '';
  let plainBase = '';

  async function proxy(c: SkeletonCache | undefined): Promise<string> {
    const port = (stub.server.address() as { port: number }).port;
    const settings = settingsFor(`http://127.0.0.1:${port}/`, { upstreamConcurrency: 2 });
    const { proxy: server, base } = await proxyOn(settings, { cache: c });
    servers.push(server);
    return base;
  }

  beforeAll(async () => {
    stub = stubCatmaid(ids.map((id) => [id, chain(id * 10, 4, '2026-03-01T00:00:00+00:00')]));
    stub.dataDelayMs = 60;
    await listen(stub.server);
    const store = openSqliteStore(join(dir, 'cache.sqlite'), 1 << 24);
    cache = createSkeletonCache({ store, maxBytes: 1 << 24, log: () => undefined });
    cachedBase = await proxy(cache);
    plainBase = await proxy(undefined);
  });

  afterAll(() => closeCacheFixture([...servers, stub.server], cache, dir));

  beforeEach(() => {
    stub.dataInFlightPeak = 0;
  });

  const post = async (url: string, skeletonIds: number[], cookie?: string) => {
    const body = new URLSearchParams([
      ...skeletonIds.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
      ['with_connectors', 'true'],
      ['format', 'msgpack'],
    ]).toString();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(cookie ? { cookie } : {}),
      },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  };

  it('sends CATMAID at most two compact-detail requests at once, cached or not', async () => {
    for (const base of [cachedBase, plainBase]) {
      stub.dataInFlightPeak = 0;
      const statuses = await Promise.all(
        ids.map((id) => post(`${base}/api/catmaid/1/skeletons/compact-detail`, [id])),
      );
      expect(statuses).toEqual(ids.map(() => 200));
      expect(stub.dataInFlightPeak, base).toBe(2);
    }
  });

  it('holds the display route to the same slots', async () => {
    const statuses = await Promise.all(
      ids.map((id) => post(`${plainBase}/api/display/1/skeletons`, [id])),
    );
    expect(statuses).toEqual(ids.map(() => 200));
    expect(stub.dataInFlightPeak).toBe(2);
  });

  it('gives each browser an id with /api/config, and serves browsers in turn', async () => {
    const config = await fetch(`${plainBase}/api/config`);
    const set = config.headers.get('set-cookie') ?? '';
    expect(set).toMatch(
      /^catmaid_dashboard_client=[A-Za-z0-9_-]{16}; Path=\/api; HttpOnly; SameSite=Strict$/,
    );
    const cookieA = set.split(';')[0] ?? '';
    const again = await fetch(`${plainBase}/api/config`, { headers: { cookie: cookieA } });
    expect(again.headers.get('set-cookie'), 'kept once given').toBeNull();

    // Browser A loads a cold scene (six requests at once, two slots); browser B then asks for
    // one neuron. First come first served, B would wait for all of A's.
    const done: string[] = [];
    const url = `${plainBase}/api/catmaid/1/skeletons/compact-detail`;
    const a = ids.map((id, i) => post(url, [id], cookieA).then(() => done.push(`a${i + 1}`)));
    await new Promise((r) => setTimeout(r, 20));
    const b = post(url, [ids[0] ?? 0], 'catmaid_dashboard_client=browserBBBBBBB').then(() =>
      done.push('b'),
    );
    await Promise.all([...a, b]);
    expect(done.indexOf('b'), done.join(' ')).toBeLessThan(4);
    expect(stub.dataInFlightPeak).toBe(2);
  });
});
