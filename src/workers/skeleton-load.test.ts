import { encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { fakeScope } from '../api/fake-scope.ts';
import { normalizeSkeletonFlags } from '../api/skeleton-flags.ts';
import { handleLoad } from './skeleton-load.ts';
import { memorySkeletonCache } from './memory-skeleton-cache.ts';
import { unpackSkeleton } from './skeleton-unpack.ts';
import {
  cacheKey,
  isLoadRequest,
  type LoadRequest,
  type WorkerReply,
} from './skeleton-protocol.ts';
import { testLoadRequest } from './test-load-request.ts';

const flags = normalizeSkeletonFlags({ withConnectors: true, withTags: true, format: 'msgpack' });
const skeleton = (offset: number) => [
  [
    [offset + 1, null, 3, 0, 0, 0, 500, 5],
    [offset + 2, offset + 1, 3, 10, 0, 0, -1, 5],
  ],
  [[offset + 2, 9, 0, 10, 0, 0]],
  { soma: [offset + 1] },
  [],
  [],
];

function request(ids: number[], useCache = true): LoadRequest {
  return testLoadRequest(ids, flags, { requestId: 7, useCache });
}

const memoryCache = memorySkeletonCache;

describe('skeleton worker: handleLoad', () => {
  it('fetches msgpack in one batch, posts decoded skeletons with pieces, caches them', async () => {
    const { scope, fake } = fakeScope(() => ({
      body: encode({ skeletons: { 16: skeleton(100), 17: skeleton(200) } }),
      contentType: 'application/octet-stream',
    }));
    const cache = memoryCache();
    const replies: { reply: WorkerReply; transfer: ArrayBuffer[] }[] = [];
    await handleLoad(request([16, 17]), {
      scope,
      cache,
      post: (reply, transfer) => replies.push({ reply, transfer }),
      now: () => 1,
    });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.body).toContain('format=msgpack');
    const loaded = replies.find((r) => r.reply.type === 'loaded');
    expect(
      loaded?.reply.type === 'loaded' &&
        loaded.reply.items.map((i) => [i.skeletonId, i.detail.nodeCount, i.source]),
    ).toEqual([
      [16, 2, 'network'],
      [17, 2, 'network'],
    ]);
    expect(loaded?.reply.type === 'loaded' && loaded.reply.items[0]?.piece.edges.length).toBe(2);
    expect(loaded?.transfer.length).toBeGreaterThan(5);
    expect(replies.at(-1)?.reply).toEqual({ type: 'done', requestId: 7 });
    // The pool hears once that the server answered, before anything is decoded and posted.
    const types = replies.map((r) => r.reply.type);
    expect(types.filter((t) => t === 'answered')).toHaveLength(1);
    expect(types.indexOf('answered')).toBeLessThan(types.indexOf('loaded'));
    // The cache holds its own copy: the posted buffers were transferred away.
    const key = cacheKey(request([]), 16);
    const stored = unpackSkeleton(cache.packed.get(key), key);
    const posted = loaded?.reply.type === 'loaded' ? loaded.reply.items[0]?.detail : undefined;
    expect(stored?.detail).toEqual(posted);
    expect(stored?.detail.positions).not.toBe(posted?.positions);

    // A second load is answered from the cache, without a request.
    const again: WorkerReply[] = [];
    await handleLoad(request([16]), { scope, cache, post: (r) => again.push(r), now: () => 2 });
    expect(fake.calls).toHaveLength(1);
    expect(again[0]?.type === 'loaded' && again[0].items[0]?.source).toBe('cache');
  });

  it('reports a 404 skeleton as failed and still delivers the others', async () => {
    const { scope } = fakeScope((call) => {
      const body = call.body ?? '';
      if (body.includes('=99')) return { status: 404, body: { detail: 'Not found.' } };
      return {
        body: encode({ skeletons: { 16: skeleton(100) } }),
        contentType: 'application/octet-stream',
      };
    });
    const replies: WorkerReply[] = [];
    await handleLoad(request([16, 99]), {
      scope,
      cache: null,
      post: (r) => replies.push(r),
      now: () => 0,
    });
    const failed = replies.find((r) => r.type === 'failed');
    expect(failed?.type === 'failed' && failed.failures).toEqual([
      {
        skeletonId: 99,
        message: 'skeleton 99 does not exist on the server (HTTP 404)',
        status: 404,
      },
    ]);
    expect(replies.some((r) => r.type === 'loaded' && r.items[0]?.skeletonId === 16)).toBe(true);
  });

  it('turns a server error into per-skeleton failures', async () => {
    const { scope } = fakeScope(() => ({
      status: 500,
      body: { error: 'boom', type: 'ValueError' },
    }));
    const replies: WorkerReply[] = [];
    await handleLoad(request([5, 6], false), {
      scope,
      cache: memoryCache(),
      post: (r) => replies.push(r),
      now: () => 0,
    });
    const failed = replies.find((r) => r.type === 'failed');
    expect(
      failed?.type === 'failed' && failed.failures.map((f) => [f.skeletonId, f.status]),
    ).toEqual([
      [5, 500],
      [6, 500],
    ]);
    expect(replies.at(-1)?.type).toBe('done');
    // An error answer keeps the request counted: retries must not exceed the server's limit.
    expect(replies.some((r) => r.type === 'answered')).toBe(false);
  });

  it('times the server until it answered, not while the body streams and is decoded', async () => {
    const json = JSON.stringify({ skeletons: { 16: skeleton(100) } });
    const half = Math.floor(json.length / 2);
    const { scope } = fakeScope(() => ({
      chunks: [json.slice(0, half), json.slice(half)],
      chunkDelayMs: 300,
    }));
    const replies: WorkerReply[] = [];
    const t0 = performance.now();
    await handleLoad(testLoadRequest([16], normalizeSkeletonFlags({ withTags: true }), {}), {
      scope,
      cache: null,
      post: (r) => replies.push(r),
      now: () => 0,
    });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    const measured = replies.find((r) => r.type === 'measured');
    expect(measured?.type === 'measured' && measured.nodes).toBe(2);
    expect(measured?.type === 'measured' && measured.ms).toBeLessThan(150);
  });

  it('validates incoming messages', () => {
    expect(isLoadRequest(request([1]))).toBe(true);
    expect(isLoadRequest({ type: 'load', requestId: 1 })).toBe(false);
    expect(isLoadRequest(null)).toBe(false);
    expect(isLoadRequest({ ...request([1]), skeletonIds: ['x'] })).toBe(false);
  });
});
