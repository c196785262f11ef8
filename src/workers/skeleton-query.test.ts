import { CancelledError, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { fakeScope } from '../api/fake-scope.ts';
import type { SkeletonDetail } from '../api/skeleton-detail.ts';
import type { PoolLoadOptions, SkeletonPool } from './skeleton-pool.ts';
import type { LoadedSkeleton } from './skeleton-protocol.ts';
import { loadedSkeletonQuery, skeletonKey, skeletonQuery } from './skeleton-query.ts';

function countingPool() {
  const calls: [number, PoolLoadOptions][] = [];
  const pool: SkeletonPool = {
    load(id, options) {
      calls.push([id, options]);
      const detail = { skeletonId: id, nodeCount: 1 } as SkeletonDetail;
      return Promise.resolve({ skeletonId: id, detail, source: 'network' } as LoadedSkeleton);
    },
    loadDisplay() {
      return Promise.reject(new Error('not used'));
    },
    holdCopyWrites: () => () => undefined,
    prewarm: () => undefined,
    announce: () => undefined,
    dispose() {},
  };
  return { pool, calls };
}

describe('skeleton queries', () => {
  it('the 3D entry and the detail entry are one cache entry per skeleton and flags', async () => {
    const { scope } = fakeScope(() => ({ body: {} }));
    const { pool, calls } = countingPool();
    const flags = { withConnectors: true, withTags: true, format: 'msgpack' } as const;
    const qc = new QueryClient();
    const loaded = await qc.fetchQuery(loadedSkeletonQuery(scope, 7, flags, pool));
    // Same key whatever the spelling of the flags (explicit false = absent).
    const detailKey = skeletonQuery(scope, 7, { ...flags, withHistory: false }).queryKey;
    expect(detailKey).toEqual(loadedSkeletonQuery(scope, 7, flags, pool).queryKey);
    expect(qc.getQueryData(detailKey)).toBe(loaded);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[1].signal).toBeInstanceOf(AbortSignal);
    expect(skeletonKey(scope, 7, {})).not.toEqual(detailKey);
  });

  it('the detail query selects the decoded skeleton from the shared entry', () => {
    const { scope } = fakeScope(() => ({ body: {} }));
    const q = skeletonQuery(scope, 3);
    const detail = { skeletonId: 3 } as SkeletonDetail;
    expect(q.select?.({ skeletonId: 3, detail } as LoadedSkeleton)).toBe(detail);
  });

  it('cancelling the query aborts the pool load', async () => {
    const { scope } = fakeScope(() => ({ body: {} }));
    let seen: AbortSignal | undefined;
    const pool: SkeletonPool = {
      loadDisplay: () => Promise.reject(new Error('not used')),
      load: (_id, { signal }) =>
        new Promise((_resolve, reject) => {
          seen = signal;
          signal?.addEventListener('abort', () => reject(signal.reason as Error));
        }),
      holdCopyWrites: () => () => undefined,
      prewarm: () => undefined,
      announce: () => undefined,
      dispose() {},
    };
    const qc = new QueryClient();
    const q = loadedSkeletonQuery(scope, 9, {}, pool);
    const pending = qc.fetchQuery(q);
    await Promise.resolve();
    await qc.cancelQueries({ queryKey: q.queryKey, exact: true });
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(seen?.aborted).toBe(true);
  });
});
