import { describe, expect, it } from 'vitest';
import { CatmaidError } from '../lib/http/errors.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchSkeletonsBatch } from './skeletons-batch.ts';

const skeletonFor = (id: number) => [[[id * 10, null, 1, 0, 0, 0, -1, 5]], [], {}, [], []];

/** Answers like CATMAID: 404 for the whole batch if any id is unknown. */
function catmaidLike(unknown: Set<number>, delayMs = 2) {
  return fakeScope((call) => {
    const ids = callParams(call)
      .filter(([k]) => k.startsWith('skeleton_ids['))
      .map(([, v]) => Number(v));
    if (ids.some((id) => unknown.has(id)))
      return { status: 404, body: { detail: 'Not found.' }, delayMs };
    return {
      body: { skeletons: Object.fromEntries(ids.map((id) => [String(id), skeletonFor(id)])) },
      delayMs,
    };
  });
}

describe('fetchSkeletonsBatch', () => {
  it('chunks, caps concurrency, sends flags, reports progress', async () => {
    const { scope, fake } = catmaidLike(new Set());
    const ids = Array.from({ length: 23 }, (_, i) => i + 1);
    const progress: number[] = [];
    const r = await fetchSkeletonsBatch(
      scope,
      ids,
      { withConnectors: true },
      {
        chunkSize: 5,
        concurrency: 2,
        onProgress: (done) => progress.push(done),
      },
    );
    expect(fake.calls).toHaveLength(5);
    expect(fake.maxInFlight()).toBe(2);
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/skeletons/compact-detail');
    expect(callParams(fake.calls[0])).toEqual([
      ['skeleton_ids[0]', '1'],
      ['skeleton_ids[1]', '2'],
      ['skeleton_ids[2]', '3'],
      ['skeleton_ids[3]', '4'],
      ['skeleton_ids[4]', '5'],
      ['with_connectors', 'true'],
    ]);
    expect(r.skeletons.size).toBe(23);
    expect(r.failed.size).toBe(0);
    expect(r.skeletons.get(7)?.nodeIds[0]).toBe(70);
    expect(progress.at(-1)).toBe(23);
  });

  it('a 404 batch is split until only the unknown ids fail', async () => {
    const { scope, fake } = catmaidLike(new Set([13, 40]));
    const ids = Array.from({ length: 50 }, (_, i) => i + 1);
    const r = await fetchSkeletonsBatch(scope, ids, {}, { chunkSize: 50, concurrency: 3 });
    expect(r.skeletons.size).toBe(48);
    expect([...r.failed.keys()].sort((a, b) => a - b)).toEqual([13, 40]);
    expect(r.failed.get(13)).toBeInstanceOf(CatmaidError);
    expect((r.failed.get(13) as CatmaidError).status).toBe(404);
    // Bisection: far fewer requests than one per id.
    expect(fake.calls.length).toBeLessThan(25);
  });

  it('a failing chunk (500) fails only its ids; a bad row fails only its skeleton', async () => {
    const { scope } = fakeScope((call) => {
      const ids = callParams(call).map(([, v]) => Number(v));
      if (ids.includes(1)) return { status: 500, body: { error: 'boom', type: 'DoesNotExist' } };
      return { body: { skeletons: { '3': skeletonFor(3), '4': [[['bad']], [], {}, [], []] } } };
    });
    const r = await fetchSkeletonsBatch(scope, [1, 2, 3, 4, 5], {}, { chunkSize: 2 });
    expect([...r.skeletons.keys()]).toEqual([3]);
    expect(r.failed.get(1)?.message).toBe('boom');
    expect(r.failed.get(2)?.message).toBe('boom');
    expect(r.failed.get(4)).toMatchObject({
      kind: 'schema',
      endpoint: 'POST /{pid}/skeletons/compact-detail',
    });
    expect(r.failed.get(5)?.message).toContain('missing from the batch answer');
  });

  it('auth errors and caller aborts reject the whole batch', async () => {
    const auth = fakeScope(() => ({ status: 401, body: { detail: 'Invalid token.' } }));
    await expect(fetchSkeletonsBatch(auth.scope, [1, 2, 3])).rejects.toMatchObject({ status: 401 });

    const { scope } = catmaidLike(new Set(), 50);
    const controller = new AbortController();
    const pending = fetchSkeletonsBatch(
      scope,
      [1, 2, 3, 4],
      {},
      { chunkSize: 1, signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
