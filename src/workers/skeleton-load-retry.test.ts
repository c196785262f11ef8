import { encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { callParams, fakeScope } from '../api/fake-scope.ts';
import { normalizeSkeletonFlags } from '../api/skeleton-flags.ts';
import { createCatmaidClient } from '../lib/http/client.ts';
import { createFakeFetch, type FakeCall, type FakeReply } from '../lib/http/fake-fetch.ts';
import { DEFAULT_RETRY, backoffMs, type RetryPolicy } from './load-retry.ts';
import { handleLoad } from './skeleton-load.ts';
import type { LoadRequest, WorkerReply } from './skeleton-protocol.ts';
import { testLoadRequest } from './test-load-request.ts';

const flags = normalizeSkeletonFlags({ withConnectors: true, withTags: true, format: 'msgpack' });
const skeleton = (id: number) => [[[id * 10, null, 3, 0, 0, 0, -1, 5]], [], {}, [], []];
const idsOf = (call: FakeCall) =>
  callParams(call)
    .filter(([k]) => k.startsWith('skeleton_ids['))
    .map(([, v]) => Number(v));
const answer = (ids: number[]): FakeReply => ({
  body: encode({ skeletons: Object.fromEntries(ids.map((id) => [id, skeleton(id)])) }),
  contentType: 'application/octet-stream',
});
const serverError = (status: number): FakeReply => ({
  status,
  body: '<html>Bad gateway</html>',
  contentType: 'text/html',
});

function request(ids: number[]): LoadRequest {
  return testLoadRequest(ids, flags, { requestId: 3, useCache: false });
}

/** Runs handleLoad without real waiting; records the waits it asked for. */
async function run(ids: number[], reply: (call: FakeCall, i: number) => FakeReply) {
  const { scope, fake } = fakeScope(reply);
  const replies: WorkerReply[] = [];
  const waits: number[] = [];
  await handleLoad(request(ids), {
    scope,
    cache: null,
    post: (r) => replies.push(r),
    now: () => 0,
    random: () => 0.5,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  const loaded = replies.flatMap((r) =>
    r.type === 'loaded' ? r.items.map((i) => i.skeletonId) : [],
  );
  const failed = replies.flatMap((r) => (r.type === 'failed' ? r.failures : []));
  return { calls: fake.calls, replies, waits, loaded, failed };
}

describe('handleLoad heals transient failures', () => {
  it('retries a batch that fails twice (503, then a reset) and then succeeds', async () => {
    const r = await run([1, 2, 3], (call, i) => {
      if (i === 0) return serverError(503);
      if (i === 1) return { networkError: true };
      return answer(idsOf(call));
    });
    expect(r.calls.map(idsOf)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(r.loaded.sort()).toEqual([1, 2, 3]);
    expect(r.failed).toEqual([]);
    // Two waits, growing: 0.75 × 400 ms, then 0.75 × 800 ms (random = 0.5).
    expect(r.waits).toEqual([300, 600]);
    expect(r.replies.at(-1)?.type).toBe('done');
  });

  it('splits a batch that keeps failing: one always-500 skeleton fails, its batch-mates load', async () => {
    const r = await run([1, 2, 99], (call) => {
      const ids = idsOf(call);
      return ids.includes(99) ? serverError(500) : answer(ids);
    });
    expect(r.loaded.sort()).toEqual([1, 2]);
    expect(r.failed).toEqual([
      {
        skeletonId: 99,
        status: 500,
        message: 'CATMAID answered with a server error (HTTP 500), still after 6 attempts',
      },
    ]);
    const batchCalls = r.calls.filter((c) => idsOf(c).length === 3);
    const loneCalls = r.calls.filter((c) => idsOf(c).join() === '99');
    expect(batchCalls).toHaveLength(DEFAULT_RETRY.batchAttempts);
    expect(loneCalls).toHaveLength(DEFAULT_RETRY.singleAttempts);
    // Batch-mates needed one single request each.
    expect(r.calls).toHaveLength(DEFAULT_RETRY.batchAttempts + 2 + DEFAULT_RETRY.singleAttempts);
  });

  it('does not retry a 404 (the skeleton does not exist) nor a 400', async () => {
    const notFound = await run([7], () => ({ status: 404, body: { detail: 'Not found.' } }));
    expect(notFound.calls).toHaveLength(1);
    expect(notFound.waits).toEqual([]);
    expect(notFound.failed.map((f) => [f.skeletonId, f.status])).toEqual([[7, 404]]);

    const bad = await run([7, 8], () => ({ status: 400, body: { detail: 'bad' } }));
    expect(bad.calls).toHaveLength(1);
    expect(bad.failed.map((f) => f.skeletonId)).toEqual([7, 8]);
  });

  it('names a connection that keeps dropping', async () => {
    const r = await run([5], () => ({ networkError: true }));
    expect(r.calls).toHaveLength(DEFAULT_RETRY.singleAttempts);
    expect(r.failed[0]?.message).toBe(
      'the connection to CATMAID was dropped or refused, still after 3 attempts',
    );
  });

  it('splits a batch that timed out into single skeletons instead of repeating it', async () => {
    const fake = createFakeFetch((call) => {
      const ids = idsOf(call);
      return ids.length > 1 || ids[0] === 3 ? { hang: true } : answer(ids);
    });
    const client = createCatmaidClient({
      baseUrl: '/api/catmaid',
      fetchImpl: fake.fetch,
      retries: 0,
      timeoutMs: 30,
    });
    const replies: WorkerReply[] = [];
    await handleLoad(request([1, 2, 3]), {
      scope: { client, server: 's', projectId: 1 },
      cache: null,
      post: (reply) => replies.push(reply),
      now: () => 0,
      sleep: () => Promise.resolve(),
    });
    // One batch request (not repeated), then one request per skeleton; 3 is slow even alone.
    expect(fake.calls.map(idsOf)).toEqual([[1, 2, 3], [1], [2], [3]]);
    const loaded = replies.flatMap((r) => (r.type === 'loaded' ? r.items : []));
    expect(loaded.map((i) => i.skeletonId).sort()).toEqual([1, 2]);
    const failed = replies.flatMap((r) => (r.type === 'failed' ? r.failures : []));
    expect(failed.map((f) => [f.skeletonId, f.message])).toEqual([
      [3, 'the request timed out: CATMAID did not answer in time (30 ms)'],
    ]);
  });

  it('stops at once when cancelled during a retry wait, reporting nothing as failed', async () => {
    const { scope, fake } = fakeScope(() => serverError(502));
    const controller = new AbortController();
    const replies: WorkerReply[] = [];
    await handleLoad(request([1, 2]), {
      scope,
      cache: null,
      post: (reply) => replies.push(reply),
      now: () => 0,
      signal: controller.signal,
      sleep: () => {
        controller.abort(new DOMException('cancelled', 'AbortError'));
        return Promise.reject(controller.signal.reason as Error);
      },
    });
    expect(fake.calls).toHaveLength(1);
    // Only the attempt's measurement (for the adaptive concurrency) and the end.
    expect(replies.filter((r) => r.type !== 'measured')).toEqual([{ type: 'done', requestId: 3 }]);
  });
});

describe('backoffMs', () => {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, baseMs: 100, maxMs: 1000 };

  it('grows exponentially, stays within [cap/2, cap] and never exceeds maxMs', () => {
    for (let retry = 0; retry < 12; retry++) {
      const cap = Math.min(1000, 100 * 2 ** retry);
      expect(backoffMs(retry, policy, () => 0)).toBe(cap / 2);
      expect(backoffMs(retry, policy, () => 1)).toBe(cap);
      const mid = backoffMs(retry, policy, () => 0.37);
      expect(mid).toBeGreaterThanOrEqual(cap / 2);
      expect(mid).toBeLessThanOrEqual(1000);
    }
    expect(backoffMs(0, policy, () => 0.5)).toBe(75);
    expect(backoffMs(3, policy, () => 0.5)).toBe(600);
    // A broken random source cannot push the wait out of bounds.
    expect(backoffMs(20, policy, () => 7)).toBe(1000);
    expect(backoffMs(0, policy, () => -3)).toBe(50);
  });
});
