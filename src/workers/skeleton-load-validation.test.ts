import { encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { callParams, fakeScope } from '../api/fake-scope.ts';
import { normalizeSkeletonFlags } from '../api/skeleton-flags.ts';
import type { FakeCall } from '../lib/http/fake-fetch.ts';
import { judgeCopies, summaryEditions } from './cache-validation.ts';
import { handleLoad, type SkeletonCache } from './skeleton-load.ts';
import { memorySkeletonCache } from './memory-skeleton-cache.ts';
import type { LoadRequest, WorkerReply } from './skeleton-protocol.ts';
import { testLoadRequest } from './test-load-request.ts';

const flags = normalizeSkeletonFlags({ format: 'msgpack' });

/** A chain of `n` nodes with ids offset+1 … offset+n. */
function chain(offset: number, n: number) {
  const nodes = Array.from({ length: n }, (_, i) => [
    offset + i + 1,
    i === 0 ? null : offset + i,
    3,
    i * 10,
    0,
    0,
    -1,
    5,
  ]);
  return [nodes, [], {}, [], []];
}

function request(ids: number[]): LoadRequest {
  return testLoadRequest(ids, flags);
}

const memoryCache = memorySkeletonCache;

/**
 * A tiny CATMAID: skeleton id → [node count, last edition as CATMAID's time string]; answers
 * skeletons/summary and the msgpack compact-detail batch from it (only existing skeletons).
 */
function catmaid(world: Map<number, [number, string]>) {
  return fakeScope((call: FakeCall) => {
    const ids = callParams(call)
      .filter(([k]) => k.startsWith('skeleton_ids'))
      .map(([, v]) => Number(v))
      .filter((id) => world.has(id));
    if (call.url.includes('/skeletons/summary')) {
      return {
        body: Object.fromEntries(
          ids.map((id) => {
            const [n, edited] = world.get(id) ?? [0, ''];
            const summary = {
              skeleton_id: id,
              num_nodes: n,
              cable_length: n * 10,
              original_creation_time: '2021-01-01T00:00:00+00:00',
              last_edition_time: edited,
              last_editor_id: 3,
            };
            return [String(id), summary];
          }),
        ),
      };
    }
    const skeletons = Object.fromEntries(
      ids.map((id) => [id, chain(id * 1000, world.get(id)?.[0] ?? 0)]),
    );
    return { body: encode({ skeletons }), contentType: 'application/octet-stream' };
  });
}

async function load(ids: number[], cache: SkeletonCache, world: Map<number, [number, string]>) {
  const { scope, fake } = catmaid(world);
  const replies: WorkerReply[] = [];
  await handleLoad(request(ids), {
    scope,
    cache,
    editionSource: summaryEditions(scope),
    post: (r) => replies.push(r),
    now: () => 0,
  });
  // Stores wait for the edition times: let them land.
  await new Promise((r) => setTimeout(r, 0));
  const loaded = replies.flatMap((r) =>
    r.type === 'loaded' ? r.items.map((i) => [i.skeletonId, i.detail.nodeCount, i.source]) : [],
  );
  const failed = replies.flatMap((r) => (r.type === 'failed' ? r.failures : []));
  const urls = fake.calls.map((c) => c.url.replace(/^.*\/6\//, ''));
  return { loaded, failed, urls };
}

describe('IndexedDB copies are checked against CATMAID before use', () => {
  it('serves an unedited copy from the cache, refetches one edited since it was cached', async () => {
    const cache = memoryCache();
    const world = new Map<number, [number, string]>([
      [16, [3, '2024-05-01T10:00:00+00:00']],
      [17, [4, '2024-05-01T10:00:00+00:00']],
    ]);
    const cold = await load([16, 17], cache, world);
    expect(cold.loaded).toEqual([
      [16, 3, 'network'],
      [17, 4, 'network'],
    ]);
    // One edition check (for storing) next to the fetch, not one before and one after.
    expect([...cold.urls].sort()).toEqual(['skeletons/compact-detail', 'skeletons/summary']);
    expect(cache.copies().map((s) => s?.editedAt)).toEqual([
      Date.parse('2024-05-01T10:00:00Z'),
      Date.parse('2024-05-01T10:00:00Z'),
    ]);

    const warm = await load([16, 17], cache, world);
    expect(warm.loaded).toEqual([
      [16, 3, 'cache'],
      [17, 4, 'cache'],
    ]);
    expect(warm.urls).toEqual(['skeletons/summary']);

    // Someone traces two more nodes onto 17 in CATMAID.
    world.set(17, [6, '2024-05-02T09:30:00+00:00']);
    const edited = await load([16, 17], cache, world);
    expect(edited.loaded).toEqual([
      [16, 3, 'cache'],
      [17, 6, 'network'],
    ]);
    // One summary for the check; the refetch reuses the edition time it learnt.
    expect(edited.urls).toEqual(['skeletons/summary', 'skeletons/compact-detail']);

    const after = await load([17], cache, world);
    expect(after.loaded).toEqual([[17, 6, 'cache']]);
  });

  it('reports a cached skeleton missing from the summary as deleted or merged', async () => {
    const cache = memoryCache();
    const world = new Map<number, [number, string]>([
      [16, [3, '2024-05-01T10:00:00+00:00']],
      [17, [4, '2024-05-01T10:00:00+00:00']],
    ]);
    await load([16, 17], cache, world);
    world.delete(17); // merged into another skeleton in CATMAID
    const { loaded, failed, urls } = await load([16, 17], cache, world);
    expect(loaded).toEqual([[16, 3, 'cache']]);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.skeletonId).toBe(17);
    expect(failed[0]?.status).toBe(404);
    expect(failed[0]?.message).toMatch(/no longer exists in CATMAID: it was deleted or merged/);
    expect(urls).toEqual(['skeletons/summary']);
  });

  it('never shows a copy it could not check: a failed summary means a refetch', async () => {
    const cache = memoryCache();
    const world = new Map<number, [number, string]>([[16, [3, '2024-05-01T10:00:00+00:00']]]);
    await load([16], cache, world);
    const { scope } = fakeScope((call) =>
      call.url.includes('/skeletons/summary')
        ? { status: 502, body: 'bad gateway' }
        : {
            body: encode({ skeletons: { 16: chain(16_000, 5) } }),
            contentType: 'application/octet-stream',
          },
    );
    const replies: WorkerReply[] = [];
    await handleLoad(request([16]), {
      scope,
      cache,
      editionSource: summaryEditions(scope),
      post: (r) => replies.push(r),
      now: () => 0,
    });
    const items = replies.flatMap((r) => (r.type === 'loaded' ? r.items : []));
    expect(items.map((i) => [i.detail.nodeCount, i.source])).toEqual([[5, 'network']]);
  });

  it('judges copies: newer edition stale, unknown stored time stale, server without times fresh', () => {
    const now = new Map<number, number | undefined>([
      [1, 100],
      [2, 200],
      [3, 100],
      [4, undefined],
    ]);
    const stored = new Map<number, number | undefined>([
      [1, 100],
      [2, 100],
      [3, undefined],
      [4, 50],
      [5, 100],
    ]);
    expect(judgeCopies(stored, now)).toEqual({ fresh: [1, 4], stale: [2, 3], gone: [5] });
  });

  it('keeps the costly geometry with the copy and rebuilds the same piece from it', async () => {
    const cache = memoryCache();
    const world = new Map<number, [number, string]>([[16, [40, '2024-05-01T10:00:00+00:00']]]);
    const { scope } = catmaid(world);
    const pieces = [];
    for (let i = 0; i < 2; i++) {
      const replies: WorkerReply[] = [];
      await handleLoad(request([16]), {
        scope,
        cache,
        editionSource: summaryEditions(scope),
        post: (r) => replies.push(r),
        now: () => 0,
      });
      await new Promise((r) => setTimeout(r, 0));
      const item = replies.flatMap((r) => (r.type === 'loaded' ? r.items : []))[0];
      pieces.push([item?.source, item?.piece]);
    }
    const stored = cache.copies()[0];
    expect(Object.keys(stored?.piece ?? {}).sort()).toEqual([
      'coarseEdges',
      'lodEdges',
      'strahler',
    ]);
    expect(pieces.map(([source]) => source)).toEqual(['network', 'cache']);
    expect(pieces[1]?.[1]).toEqual(pieces[0]?.[1]);
  });
});
