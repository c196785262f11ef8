/** The behaviour every cache store must have, run against SQLite and against a real Redis. */
import { describe, expect, it } from 'vitest';
import type { CacheEntry, CacheStore } from '../store.ts';

export type OpenStore = (maxBytes: number) => Promise<CacheStore>;

export function entry(edition: string, size: number, fill = 7): CacheEntry {
  return { edition, contentType: 'application/octet-stream', body: Buffer.alloc(size, fill) };
}

/** Every byte value, so a store that mangles binary (a UTF-8 round trip) fails. */
export const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

export function describeStore(name: string, open: OpenStore): void {
  describe(`${name} store`, () => {
    it('round-trips entries byte for byte, and deletes and clears them', async () => {
      const store = await open(1 << 20);
      try {
        const binary: CacheEntry = {
          edition: '2026-07-03T16:32:31.811365+00:00',
          contentType: 'application/json',
          body: ALL_BYTES,
        };
        await store.putMany(
          new Map([
            ['a', binary],
            ['b', entry('t1', 100)],
          ]),
        );
        const got = await store.getMany(['a', 'b', 'missing']);
        expect([...got.keys()].sort()).toEqual(['a', 'b']);
        expect(got.get('a')?.body.equals(ALL_BYTES)).toBe(true);
        expect(got.get('a')?.edition).toBe(binary.edition);
        expect(got.get('a')?.contentType).toBe('application/json');
        await store.putMany(new Map([['b', entry('t2', 50)]]));
        expect((await store.getMany(['b'])).get('b')?.edition).toBe('t2');
        const stats = await store.stats();
        expect(stats.entries).toBe(2);
        // key + body + edition + content type of each
        expect(stats.bytes).toBe(1 + 256 + 32 + 16 + (1 + 50 + 2 + 24));
        await store.deleteMany(['a']);
        expect((await store.getMany(['a'])).size).toBe(0);
        expect((await store.stats()).entries).toBe(1);
        expect(await store.clear()).toBe(1);
        expect(await store.stats()).toMatchObject({ entries: 0, bytes: 0 });
      } finally {
        await store.close();
      }
    });

    it('evicts the least recently used entries once the bytes pass the bound', async () => {
      // Each entry costs 1 (key) + 1000 (body) + 2 (edition) + 24 (content type) = 1027 bytes.
      const store = await open(3 * 1027 + 100);
      try {
        await store.putMany(new Map([['a', entry('t1', 1000)]]));
        await store.putMany(new Map([['b', entry('t1', 1000)]]));
        await store.putMany(new Map([['c', entry('t1', 1000)]]));
        // Reading `a` makes `b` the least recently used.
        expect((await store.getMany(['a'])).size).toBe(1);
        await store.putMany(new Map([['d', entry('t1', 1000)]]));
        const left = await store.getMany(['a', 'b', 'c', 'd']);
        expect([...left.keys()].sort()).toEqual(['a', 'c', 'd']);
        const stats = await store.stats();
        expect(stats.bytes).toBe(3 * 1027);
        expect(stats.bytes).toBeLessThanOrEqual(stats.maxBytes);
        // An entry bigger than the whole bound is not stored and evicts nothing.
        await store.putMany(new Map([['huge', entry('t1', 5000)]]));
        const after = await store.getMany(['a', 'c', 'd', 'huge']);
        expect([...after.keys()].sort()).toEqual(['a', 'c', 'd']);
      } finally {
        await store.close();
      }
    });
  });
}
