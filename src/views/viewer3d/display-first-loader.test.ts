import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { displayPieceOf } from '../../3d/geometry/display-piece.ts';
import { buildSkeletonPiece } from '../../3d/geometry/skeleton-piece.ts';
import type { LoadedDisplay, LoadedSkeleton } from '../../workers/skeleton-protocol.ts';
import { LoadTracker, summarize } from './load-tracker.ts';
import { createTwoPhaseLoader } from './two-phase-loader.ts';

function loaded(skid: number): LoadedSkeleton {
  const rows = [
    [skid * 10, null, 3, 0, 0, 0, -1, 5],
    [skid * 10 + 1, skid * 10, 3, 10, 0, 0, -1, 5],
  ];
  const detail = decodeCompactDetail([rows, [], {}, [], []], skid);
  return { skeletonId: skid, detail, piece: buildSkeletonPiece(detail), source: 'network' };
}

function displayed(skid: number): LoadedDisplay {
  const { detail, piece } = loaded(skid);
  return { skeletonId: skid, display: displayPieceOf(detail, piece), source: 'network' };
}

class Cancelled extends Error {}

interface Pending<T> {
  id: number;
  resolve(v?: T): void;
  reject(e: unknown): void;
}

function setup() {
  const tracker = new LoadTracker();
  const displays: Pending<LoadedDisplay>[] = [];
  const whole: Pending<LoadedSkeleton>[] = [];
  const drawn: string[] = [];
  const loader = createTwoPhaseLoader({
    tracker,
    fetchGeometry: () => Promise.reject(new Error('not asked display first')),
    fetchExtras: (id) =>
      new Promise<LoadedSkeleton>((resolve, reject) =>
        whole.push({ id, resolve: () => resolve(loaded(id)), reject }),
      ),
    fetchDisplay: (id) =>
      new Promise<LoadedDisplay>((resolve, reject) =>
        displays.push({ id, resolve: () => resolve(displayed(id)), reject }),
      ),
    onGeometry: (item) => drawn.push(`whole ${item.skeletonId}`),
    onExtras: () => undefined,
    onDisplay: (item) => drawn.push(`display ${item.skeletonId}`),
    onFull: (item) => drawn.push(`full ${item.skeletonId}`),
    isCancelled: (e) => e instanceof Cancelled,
    defer: (fn) => fn(),
  });
  const settle = async <T>(list: Pending<T>[], ids: number[], how: 'ok' | Error = 'ok') => {
    for (const p of list.filter((x) => ids.includes(x.id))) {
      if (how === 'ok') p.resolve();
      else p.reject(how);
    }
    await new Promise((r) => setTimeout(r, 0));
  };
  return {
    tracker,
    loader,
    displays,
    whole,
    drawn,
    settle,
    summary: (ids: number[]) => summarize(tracker, ids),
  };
}

describe('display first', () => {
  it('draws display forms, is settled with them, and asks the full data only when told', async () => {
    const t = setup();
    t.loader.request([1, 2], true);
    expect(t.displays.map((p) => p.id)).toEqual([1, 2]);
    await t.settle(t.displays, [1, 2]);
    expect(t.drawn).toEqual(['display 1', 'display 2']);
    expect(t.whole).toEqual([]);
    expect(t.summary([1, 2])).toMatchObject({ loaded: 2, nodes: 4, settled: true, fullPending: 2 });
    t.loader.requestFull();
    t.loader.requestFull(); // already loading: not again
    expect(t.whole.map((p) => p.id)).toEqual([1, 2]);
    await t.settle(t.whole, [1, 2]);
    expect(t.drawn.slice(2)).toEqual(['full 1', 'full 2']);
    expect(t.summary([1, 2])).toMatchObject({ settled: true, fullPending: 0, fullFailed: [] });
  });

  it('loads a skeleton without a display form the ordinary way at once', async () => {
    const t = setup();
    t.loader.request([1, 2], true);
    await t.settle(t.displays, [1]);
    await t.settle(t.displays, [2], new Error('no display form for skeleton 2'));
    expect(t.whole.map((p) => p.id)).toEqual([2]);
    expect(t.summary([1, 2]).settled).toBe(false);
    await t.settle(t.whole, [2]);
    expect(t.drawn).toEqual(['display 1', 'whole 2']);
    expect(t.summary([1, 2])).toMatchObject({ loaded: 2, settled: true, fullPending: 1 });
  });

  it('reports full data that failed, and asks it again on retry', async () => {
    const t = setup();
    t.loader.request([1], true);
    await t.settle(t.displays, [1]);
    t.loader.requestFull();
    await t.settle(t.whole, [1], new Error('HTTP 502'));
    expect(t.summary([1])).toMatchObject({
      settled: true,
      fullPending: 0,
      fullFailed: [{ skeletonId: 1, message: 'HTTP 502' }],
    });
    t.loader.retry([1]);
    expect(t.whole.map((p) => p.id)).toEqual([1, 1]);
    await t.settle(t.whole.slice(1), [1]);
    expect(t.summary([1]).fullFailed).toEqual([]);
  });

  it('a cancelled display load is no failure, and is asked again when wanted again', async () => {
    const t = setup();
    t.loader.request([1], true);
    await t.settle(t.displays, [1], new Cancelled());
    expect(t.tracker.status.has(1)).toBe(false);
    expect(t.whole).toEqual([]);
    t.loader.request([1], true);
    expect(t.displays.map((p) => p.id)).toEqual([1, 1]);
  });
});
