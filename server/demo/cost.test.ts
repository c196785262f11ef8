import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costModelFromEnv, createWorkerPool } from './cost.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import { indexed, request } from './testing/demo-client.ts';

describe('costModelFromEnv', () => {
  it('is off unless a positive cost per node is set; 4 workers by default', () => {
    expect(costModelFromEnv({})).toBeNull();
    expect(costModelFromEnv({ DEMO_COST_US_PER_NODE: '0' })).toBeNull();
    expect(costModelFromEnv({ DEMO_COST_US_PER_NODE: '2.7' })).toEqual({
      usPerNode: 2.7,
      workers: 4,
    });
    expect(costModelFromEnv({ DEMO_COST_US_PER_NODE: '1', DEMO_WORKERS: '2' })?.workers).toBe(2);
  });
});

describe('createWorkerPool', () => {
  it('holds each request for its cost and queues beyond the worker count', async () => {
    let clock = 0;
    const sleeps: number[] = [];
    const wake: (() => void)[] = [];
    const pool = createWorkerPool(
      2,
      (ms) => {
        sleeps.push(ms);
        return new Promise<void>((r) => wake.push(r));
      },
      () => clock,
    );
    const done: string[] = [];
    const run = (name: string, cost: number) =>
      pool.run(() => name, cost).then((v) => done.push(v));
    const all = [run('a', 10), run('b', 20), run('c', 5)];
    await Promise.resolve();
    // Two workers: a and b sleep for their costs, c waits for a slot.
    expect(sleeps).toEqual([10, 20]);
    expect(pool.waiting()).toBe(1);
    clock = 3;
    wake.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toEqual(['a']);
    // c got a's slot; the work took no clock time, so it sleeps its whole cost.
    expect(sleeps).toEqual([10, 20, 5]);
    wake.shift()?.();
    wake.shift()?.();
    await Promise.all(all);
    expect(done.sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('the demo server with the cost knob', () => {
  let server: DemoServer;
  let skids: number[] = [];
  beforeAll(async () => {
    server = await startDemoServer({
      port: 0,
      seed: 1,
      scale: 1,
      cost: { usPerNode: 20, workers: 1 },
    });
    skids = (await request(server, 'GET', '/1/skeletons/')).json() as number[];
  });
  afterAll(() => server?.close());

  it('spends the modelled time per node, half without connectors and tags', async () => {
    const ids = skids.slice(0, 20);
    const nodes = (
      await request(server, 'POST', '/1/skeletons/compact-detail', indexed('skeleton_ids', ids))
    ).json() as { skeletons: Record<string, [unknown[]]> };
    const count = Object.values(nodes.skeletons).reduce((n, d) => n + d[0].length, 0);
    const timed = async (extra: [string, string][]) => {
      const t0 = performance.now();
      await request(server, 'POST', '/1/skeletons/compact-detail', [
        ...indexed('skeleton_ids', ids),
        ...extra,
      ]);
      return performance.now() - t0;
    };
    const full = await timed([['with_connectors', 'true']]);
    const bare = await timed([]);
    const expected = (count * 20) / 1000;
    expect(full).toBeGreaterThanOrEqual(expected * 0.95);
    expect(bare).toBeGreaterThanOrEqual((expected / 2) * 0.95);
    expect(bare).toBeLessThan(full);
  });

  it('costs nothing for other requests', async () => {
    const t0 = performance.now();
    expect((await request(server, 'GET', '/projects/')).status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
