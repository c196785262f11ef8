import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStore } from './redis-store.ts';
import {
  hasRedisServer,
  redisMissingMessage,
  startRedis,
  type TestRedis,
} from './testing/redis-server.ts';
import { describeStore, entry } from './testing/store-suite.ts';

if (!hasRedisServer) console.warn(redisMissingMessage);

describe.runIf(hasRedisServer)('Redis backend against a real redis-server', () => {
  let redis: TestRedis;
  let n = 0;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  // Each store its own prefix: several suites share the one server, as labs share a Redis.
  describeStore('Redis', (maxBytes) => openRedisStore(redis.url, maxBytes, `test${n++}:`));

  it('keeps to its key prefix: other data in a shared Redis survives puts, evictions and clear', async () => {
    const other = createClient({ url: redis.url });
    await other.connect();
    await other.set('someone-else:key', 'precious');
    const store = await openRedisStore(redis.url, 2 * 1027 + 10, 'lab:');
    try {
      await store.putMany(
        new Map([
          ['a', entry('t1', 1000)],
          ['b', entry('t1', 1000)],
          ['c', entry('t1', 1000)],
        ]),
      );
      expect((await store.stats()).entries).toBe(2);
      expect(await store.clear()).toBe(2);
      expect(await other.get('someone-else:key')).toBe('precious');
      const left = await other.keys('lab:*');
      expect(left).toEqual([]);
    } finally {
      await store.close();
      await other.close();
    }
  });

  it('several instances share one cache: what one stores, another reads', async () => {
    const one = await openRedisStore(redis.url, 1 << 20, 'shared:');
    const two = await openRedisStore(redis.url, 1 << 20, 'shared:');
    try {
      await one.putMany(new Map([['x', entry('2026-01-01', 10)]]));
      expect((await two.getMany(['x'])).get('x')?.edition).toBe('2026-01-01');
      expect(await two.stats()).toMatchObject({ backend: 'redis', entries: 1 });
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('a Redis that goes away makes store calls fail at once (the proxy then forwards uncached)', async () => {
    const own = await startRedis();
    const store = await openRedisStore(own.url, 1 << 20, 'gone:');
    try {
      await store.putMany(new Map([['x', entry('t1', 10)]]));
      await own.stop();
      const t0 = performance.now();
      await expect(store.getMany(['x'])).rejects.toThrow();
      expect(performance.now() - t0).toBeLessThan(2000);
    } finally {
      await store.close().catch(() => undefined);
    }
  });
});
