import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { callParams, fakeScope } from './fake-scope.ts';
import { createSkeletonLoader } from './skeleton-loader.ts';
import { skeletonQuery, skeletonSingleQuery } from './skeletons.ts';

const skeletonFor = (id: number) => [[[id * 10, null, 1, 0, 0, 0, -1, 5]], [], {}, [], []];

function server(unknown: number[] = [], delayMs = 5) {
  return fakeScope((call) => {
    const ids = callParams(call)
      .filter(([k]) => k.startsWith('skeleton_ids['))
      .map(([, v]) => Number(v));
    if (ids.some((id) => unknown.includes(id)))
      return { status: 404, body: { detail: 'Not found.' }, delayMs };
    return {
      body: { skeletons: Object.fromEntries(ids.map((id) => [String(id), skeletonFor(id)])) },
      delayMs,
    };
  });
}

describe('createSkeletonLoader', () => {
  it('sends one batch for ids asked within the window, de-duplicated', async () => {
    const { scope, fake } = server();
    const loader = createSkeletonLoader(scope, { withTags: true });
    const [a, b, c] = await Promise.all([loader.load(1), loader.load(2), loader.load(1)]);
    expect(fake.calls).toHaveLength(1);
    expect(callParams(fake.calls[0])).toEqual([
      ['skeleton_ids[0]', '1'],
      ['skeleton_ids[1]', '2'],
      ['with_tags', 'true'],
    ]);
    expect(a.nodeIds[0]).toBe(10);
    expect(b.nodeIds[0]).toBe(20);
    expect(c).toBe(a);
  });

  it('an unknown id rejects alone', async () => {
    const { scope } = server([2]);
    const loader = createSkeletonLoader(scope, {});
    const results = await Promise.allSettled([loader.load(1), loader.load(2), loader.load(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
      kind: 'catmaid',
      status: 404,
    });
  });

  it('one cancelled caller rejects alone; the request goes on for the others', async () => {
    const { scope, fake } = server([], 20);
    const loader = createSkeletonLoader(scope, {});
    const controller = new AbortController();
    const cancelled = loader.load(1, controller.signal);
    const kept = loader.load(2);
    setTimeout(() => controller.abort(), 12);
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect((await kept).nodeIds[0]).toBe(20);
    expect(fake.calls).toHaveLength(1);
  });

  it('aborts the request when every caller has gone', async () => {
    let aborted = false;
    const { scope } = fakeScope((call) => ({ hang: true, body: call.body }));
    const original = scope.client.post.bind(scope.client);
    scope.client.post = (path, o) => {
      o?.signal?.addEventListener('abort', () => (aborted = true));
      return original(path, o);
    };
    const loader = createSkeletonLoader(scope, {});
    const controller = new AbortController();
    const p = loader.load(1, controller.signal);
    setTimeout(() => controller.abort(), 15);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 5));
    expect(aborted).toBe(true);
  });
});

describe('skeletonQuery', () => {
  it('per-skeleton cache entries, one request on the wire', async () => {
    const { scope, fake } = server();
    const qc = new QueryClient();
    const flags = { withConnectors: true };
    const [a, b] = await Promise.all([
      qc.fetchQuery(skeletonQuery(scope, 11, flags)),
      qc.fetchQuery(skeletonQuery(scope, 12, flags)),
    ]);
    expect(a.skeletonId).toBe(11);
    expect(b.skeletonId).toBe(12);
    expect(fake.calls).toHaveLength(1);
    expect(skeletonQuery(scope, 11, flags).queryKey).toEqual([
      'catmaid',
      'test',
      6,
      'skeletons',
      11,
      'compact-detail',
      {
        withConnectors: true,
        withTags: false,
        withReviews: false,
        withAnnotations: false,
        withUserInfo: false,
        withHistory: false,
        format: 'json',
      },
    ]);
    expect(qc.getQueryData(skeletonSingleQuery(scope, 12, flags).queryKey)).toBe(b);
  });

  it('the single strategy uses GET and never msgpack with history', async () => {
    const { scope, fake } = fakeScope(() => ({ body: skeletonFor(5) }));
    const qc = new QueryClient();
    await qc.fetchQuery(skeletonSingleQuery(scope, 5, { withHistory: true, format: 'msgpack' }));
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/skeletons/5/compact-detail?with_history=true');
  });
});
