import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { buildSkeletonPiece } from '../../3d/geometry/skeleton-piece.ts';
import type { LoadedSkeleton } from '../../workers/skeleton-protocol.ts';
import { LoadTracker, summarize } from './load-tracker.ts';
import { createTwoPhaseLoader } from './two-phase-loader.ts';

function loaded(skid: number): LoadedSkeleton {
  const detail = decodeCompactDetail(
    [[[skid * 10, null, 3, 0, 0, 0, -1, 5]], [], {}, [], []],
    skid,
  );
  return { skeletonId: skid, detail, piece: buildSkeletonPiece(detail), source: 'network' };
}

interface Pending {
  id: number;
  resolve(): void;
  reject(e: unknown): void;
}

class Cancelled extends Error {}

function setup({ lead }: { lead?: number } = {}) {
  const tracker = new LoadTracker();
  const geometry: Pending[] = [];
  const extras: Pending[] = [];
  const drawn: number[] = [];
  const enriched: number[] = [];
  const ask = (list: Pending[]) => (id: number) =>
    new Promise<LoadedSkeleton>((resolve, reject) => {
      list.push({ id, resolve: () => resolve(loaded(id)), reject });
    });
  const loader = createTwoPhaseLoader({
    tracker,
    fetchGeometry: ask(geometry),
    fetchExtras: ask(extras),
    onGeometry: (item) => drawn.push(item.skeletonId),
    onExtras: (item) => enriched.push(item.skeletonId),
    isCancelled: (e) => e instanceof Cancelled,
    defer: (fn) => fn(),
    ...(lead === undefined ? {} : { lead }),
  });
  const settle = async (list: Pending[], ids: number[], how: 'ok' | Error = 'ok') => {
    for (const p of list.filter((x) => ids.includes(x.id))) {
      if (how === 'ok') p.resolve();
      else p.reject(how);
    }
    await new Promise((r) => setTimeout(r, 0));
  };
  const summary = (ids: number[]) => summarize(tracker, ids);
  return { tracker, loader, geometry, extras, drawn, enriched, settle, summary };
}

describe('load order', () => {
  it('asks a big selection spread over its order, a small one in it', () => {
    const big = setup();
    const ids = Array.from({ length: 100 }, (_, i) => i + 1);
    big.loader.setWantsExtras(false, ids);
    big.loader.request(ids);
    // Every 10th first (√100), so the first tenth already spans the whole selection.
    expect(big.geometry.slice(0, 10).map((p) => p.id)).toEqual([
      1, 11, 21, 31, 41, 51, 61, 71, 81, 91,
    ]);
    expect(new Set(big.geometry.map((p) => p.id)).size).toBe(100);
    const small = setup();
    small.loader.setWantsExtras(false, [5, 3, 9]);
    small.loader.request([5, 3, 9]);
    expect(small.geometry.map((p) => p.id)).toEqual([5, 3, 9]);
  });

  it('announces every skeleton of a burst before its first slice of fetches', () => {
    const tracker = new LoadTracker();
    const events: string[] = [];
    const deferred: (() => void)[] = [];
    const loader = createTwoPhaseLoader({
      tracker,
      fetchGeometry: (id) => {
        events.push(`fetch ${id}`);
        return new Promise<LoadedSkeleton>(() => undefined);
      },
      fetchExtras: () => new Promise<LoadedSkeleton>(() => undefined),
      onGeometry: () => undefined,
      onExtras: () => undefined,
      isCancelled: () => false,
      defer: (fn) => deferred.push(fn),
      perTask: 2,
      announce: (ids) => events.push(`announce ${ids.join(',')}`),
    });
    loader.request([1, 2, 3, 4, 5]);
    expect(events).toEqual(['announce 1,2,3,4,5', 'fetch 1', 'fetch 2']);
    while (deferred.length > 0) deferred.shift()?.();
    expect(events.filter((e) => e.startsWith('announce'))).toHaveLength(1);
  });
});

describe('geometry first', () => {
  it('with no layer needing them, asks geometry only and is settled once it is drawn', async () => {
    const t = setup();
    t.loader.setWantsExtras(false, [1, 2]);
    t.loader.request([1, 2]);
    t.loader.request([1, 2]); // already asked: not again
    expect(t.geometry.map((p) => p.id)).toEqual([1, 2]);
    expect(t.summary([1, 2]).settled).toBe(false);
    await t.settle(t.geometry, [1, 2]);
    expect(t.drawn).toEqual([1, 2]);
    expect(t.extras).toEqual([]);
    expect(t.summary([1, 2])).toMatchObject({ loaded: 2, settled: true });
  });

  it('asks connectors and tags only after a skeleton is drawn, and is settled after them', async () => {
    const t = setup();
    t.loader.setWantsExtras(true, [1, 2]);
    t.loader.request([1, 2]);
    // Nothing drawn yet: no second pass either (the geometry requests go out alone).
    expect(t.extras).toEqual([]);
    await t.settle(t.geometry, [1]);
    expect(t.drawn).toEqual([1]);
    expect(t.extras.map((p) => p.id)).toEqual([1]);
    await t.settle(t.geometry, [2]);
    expect(t.extras.map((p) => p.id)).toEqual([1, 2]);
    // Every skeleton drawn, but the synapse and soma layers still wait: not ready.
    expect(t.summary([1, 2])).toMatchObject({ loaded: 2, settled: false });
    await t.settle(t.extras, [1, 2]);
    expect(t.enriched).toEqual([1, 2]);
    expect(t.summary([1, 2])).toMatchObject({ loaded: 2, settled: true, extrasFailed: [] });
  });

  it('a layer turned on later fetches the second pass for what is drawn, once', async () => {
    const t = setup();
    t.loader.setWantsExtras(false, []);
    t.loader.request([1, 2]);
    await t.settle(t.geometry, [1]);
    t.loader.setWantsExtras(true, [1, 2]);
    // 2 is still loading: it gets its second pass when it arrives, not now.
    expect(t.extras.map((p) => p.id)).toEqual([1]);
    expect(t.summary([1, 2]).settled).toBe(false);
    await t.settle(t.geometry, [2]);
    expect(t.extras.map((p) => p.id)).toEqual([1, 2]);
    t.loader.setWantsExtras(true, [1, 2]); // re-render: nothing asked twice
    expect(t.extras).toHaveLength(2);
    await t.settle(t.extras, [1, 2]);
    expect(t.summary([1, 2]).settled).toBe(true);
  });

  it('a failed second pass keeps the skeleton drawn, is listed, and is retried only on request', async () => {
    const t = setup();
    t.loader.setWantsExtras(true, [1]);
    t.loader.request([1]);
    await t.settle(t.geometry, [1]);
    await t.settle(t.extras, [1], new Error('server said 500'));
    const s = t.summary([1]);
    expect(s).toMatchObject({ loaded: 1, settled: true, failed: [] });
    expect(s.extrasFailed).toEqual([{ skeletonId: 1, message: 'server said 500' }]);
    t.loader.setWantsExtras(true, [1]);
    expect(t.extras).toHaveLength(1);
    t.loader.retry([1]);
    expect(t.extras).toHaveLength(2);
    await t.settle(t.extras.slice(1), [1]);
    expect(t.summary([1])).toMatchObject({ settled: true, extrasFailed: [] });
    expect(t.enriched).toEqual([1]);
  });

  it('a cancelled load is neither failed nor loaded, and is asked again when wanted again', async () => {
    const t = setup();
    t.loader.setWantsExtras(true, [1]);
    t.loader.request([1]);
    await t.settle(t.geometry, [1], new Cancelled());
    expect(t.tracker.status.has(1)).toBe(false);
    expect(t.extras).toEqual([]);
    t.loader.request([1]);
    expect(t.geometry).toHaveLength(2);
  });
});

describe('geometry first, the ready signal', () => {
  it('is never settled between a skeleton drawn and its second pass asked', async () => {
    const t = setup();
    t.loader.setWantsExtras(true, [1]);
    t.loader.request([1]);
    const seen: boolean[] = [];
    t.tracker.subscribe(() => seen.push(t.summary([1]).settled));
    await t.settle(t.geometry, [1]);
    expect(seen).not.toContain(true);
    await t.settle(t.extras, [1]);
    expect(t.summary([1]).settled).toBe(true);
  });

  it('stops being settled at once when a layer is turned on', async () => {
    const t = setup();
    t.loader.setWantsExtras(false, [1]);
    t.loader.request([1]);
    await t.settle(t.geometry, [1]);
    const seen: boolean[] = [];
    t.tracker.subscribe(() => seen.push(t.summary([1]).settled));
    t.loader.setWantsExtras(true, [1]);
    expect(seen).toEqual([false]);
  });
});

describe('geometry first with the layers already on', () => {
  it('sends only the lead geometry first and the rest whole, never both passes for them', async () => {
    const t = setup({ lead: 2 });
    t.loader.setWantsExtras(true, []);
    t.loader.request([1, 2, 3, 4]);
    expect(t.geometry.map((p) => p.id)).toEqual([1, 2]);
    expect(t.extras.map((p) => p.id)).toEqual([3, 4]);
    await t.settle(t.extras, [3, 4]);
    // Drawn complete: connectors and tags came with them.
    expect(t.drawn).toEqual([3, 4]);
    expect(t.summary([3, 4])).toMatchObject({ loaded: 2, settled: true });
    t.loader.setWantsExtras(true, [1, 2, 3, 4]);
    expect(t.extras.map((p) => p.id)).toEqual([3, 4]);
    await t.settle(t.geometry, [1, 2]);
    expect(t.extras.map((p) => p.id)).toEqual([3, 4, 1, 2]);
    await t.settle(t.extras.slice(2), [1, 2]);
    expect(t.enriched).toEqual([1, 2]);
    expect(t.summary([1, 2, 3, 4])).toMatchObject({ loaded: 4, settled: true });
  });

  it('with the layers off, every skeleton goes geometry first whatever the lead', () => {
    const t = setup({ lead: 1 });
    t.loader.setWantsExtras(false, []);
    t.loader.request([1, 2, 3]);
    expect(t.geometry.map((p) => p.id)).toEqual([1, 2, 3]);
    expect(t.extras).toEqual([]);
  });
});
