import { describe, expect, it } from 'vitest';
import { callParams, fakeScope } from '../api/fake-scope.ts';
import { decodeCompactDetail } from '../api/compact-detail-decode.ts';
import { normalizeSkeletonFlags } from '../api/skeleton-flags.ts';
import { displayPieceOf } from '../3d/geometry/display-piece.ts';
import {
  packDisplay,
  packDisplayBatch,
  readDisplay,
  type ReadDisplay,
} from '../3d/geometry/display-pack.ts';
import { buildSkeletonPiece } from '../3d/geometry/skeleton-piece.ts';
import { unwrapDisplayCopy, wrapDisplayCopy } from './display-copy.ts';
import { displayKey, handleDisplayLoad } from './display-load.ts';
import type { CopyStore } from './opfs-skeleton-cache.ts';
import type { LoadRequest, WorkerReply } from './skeleton-protocol.ts';
import { testLoadRequest } from './test-load-request.ts';

const flags = normalizeSkeletonFlags({ withConnectors: true, withTags: true, format: 'msgpack' });

function pack(id: number, nodes: number, editedAt: number): Uint8Array<ArrayBuffer> {
  const rows: (number | null)[][] = [];
  for (let i = 1; i <= nodes; i++) rows.push([i, i === 1 ? null : i - 1, 3, i, 0, 0, -1, 5]);
  const d = decodeCompactDetail([rows, [], {}, [], []], id);
  return packDisplay(displayPieceOf(d, buildSkeletonPiece(d)), editedAt);
}

function batch(packs: [number, Uint8Array][]): Uint8Array {
  const parts = packDisplayBatch(packs);
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function request(ids: number[], extra: Partial<LoadRequest> = {}): LoadRequest {
  return testLoadRequest(ids, flags, { requestId: 3, displayBaseUrl: '/api', ...extra });
}

function memoryCopies(): CopyStore<ReadDisplay> & { written: Map<string, ArrayBuffer> } {
  const written = new Map<string, ArrayBuffer>();
  return {
    written,
    getMany: (keys) => Promise.resolve(keys.map((k) => unwrapDisplayCopy(written.get(k), k))),
    setMany: (entries) => {
      for (const [k, v] of entries) written.set(k, v);
      return Promise.resolve();
    },
  };
}

function run(req: LoadRequest, reply: () => { status?: number; body: Uint8Array | string }) {
  const { scope, fake } = fakeScope(() => ({
    ...reply(),
    contentType: 'application/x-catmaid-dashboard-display',
  }));
  const replies: WorkerReply[] = [];
  return {
    fake,
    replies,
    start: (cache: CopyStore<ReadDisplay> | null, editions?: Map<number, number>) =>
      handleDisplayLoad(req, {
        dashboard: scope.client,
        cache,
        post: (r) => replies.push(r),
        ...(editions ? { editionSource: () => Promise.resolve(editions) } : {}),
      }),
  };
}

const displayedIds = (replies: WorkerReply[]) =>
  replies.flatMap((r) => (r.type === 'displayed' ? r.items.map((i) => i.skeletonId) : []));
const failedIds = (replies: WorkerReply[]) =>
  replies.flatMap((r) => (r.type === 'failed' ? r.failures.map((f) => f.skeletonId) : []));

describe('display-first load in the worker', () => {
  it('asks the dashboard server once for the display forms, posts them, keeps copies', async () => {
    const t = run(request([5, 6]), () => ({
      body: batch([
        [5, pack(5, 40, 100)],
        [6, pack(6, 20, 200)],
      ]),
    }));
    const cache = memoryCopies();
    await t.start(cache);
    expect(t.fake.calls).toHaveLength(1);
    expect(t.fake.calls[0]?.url).toContain('/display/1/skeletons');
    expect(t.fake.calls[0]?.body).toContain('with_connectors=true');
    expect(displayedIds(t.replies)).toEqual([5, 6]);
    expect(t.replies.at(-1)?.type).toBe('done');
    expect(t.replies.filter((r) => r.type === 'answered')).toHaveLength(1);
    // The pool's adaptive limit hears of it, as of compact-detail requests: nodes brought back.
    const measured = t.replies.find((r) => r.type === 'measured');
    expect(measured?.type === 'measured' && [measured.nodes, measured.overloaded]).toEqual([
      60,
      false,
    ]);
    const copy = unwrapDisplayCopy(
      cache.written.get(displayKey(request([]), 6)),
      displayKey(request([]), 6),
    );
    expect(copy?.piece.nodeCount).toBe(20);
    expect(copy?.editedAt).toBe(200);
  });

  it('shows current copies without asking the server; an edited one is fetched again', async () => {
    const cache = memoryCopies();
    const key = (id: number) => displayKey(request([]), id);
    await cache.setMany([
      [key(5), wrapDisplayCopy(key(5), pack(5, 40, 100))],
      [key(6), wrapDisplayCopy(key(6), pack(6, 20, 200))],
    ]);
    const t = run(request([5, 6]), () => ({ body: batch([[6, pack(6, 25, 300)]]) }));
    await t.start(
      cache,
      new Map([
        [5, 100],
        [6, 300],
      ]),
    );
    expect(displayedIds(t.replies)).toEqual([5, 6]);
    expect(t.fake.calls).toHaveLength(1);
    expect(t.fake.calls[0]?.body).not.toContain('=5');
    const second = t.replies.filter((r) => r.type === 'displayed')[1];
    expect(second?.type === 'displayed' && second.items[0]?.display.nodeCount).toBe(25);
  });

  it('names its burst and the burst’s other skeletons to the server when the pool gave a burst', async () => {
    const answer = () => ({ body: batch([[6, pack(6, 20, 200)]]) });
    const plain = run(request([6], { ahead: [6, 7] }), answer);
    await plain.start(null);
    expect(callParams(plain.fake.calls[0]).map(([k]) => k)).not.toContain('burst');
    const inBurst = run(request([6], { burst: 'b-1', ahead: [5, 6, 7] }), answer);
    await inBurst.start(null);
    expect(callParams(inBurst.fake.calls[0]).slice(-2)).toEqual([
      ['burst', 'b-1'],
      ['ahead', '5,7'],
    ]);
  });

  it('answers missing from the copies only, when asked so (cache stage)', async () => {
    const t = run(request([5], { cacheOnly: true }), () => ({ body: '' }));
    await t.start(memoryCopies());
    expect(t.fake.calls).toHaveLength(0);
    expect(t.replies.map((r) => r.type)).toEqual(['missing', 'done']);
  });

  it('fails what the answer lacks, and everything when the server has no such route', async () => {
    const partial = run(request([5, 6]), () => ({ body: batch([[5, pack(5, 40, 100)]]) }));
    await partial.start(null);
    expect(displayedIds(partial.replies)).toEqual([5]);
    expect(failedIds(partial.replies)).toEqual([6]);

    const old = run(request([5, 6]), () => ({ status: 404, body: '<html>not found</html>' }));
    await old.start(null);
    expect(displayedIds(old.replies)).toEqual([]);
    expect(failedIds(old.replies)).toEqual([5, 6]);
    expect(old.replies.at(-1)?.type).toBe('done');

    const garbled = run(request([5]), () => ({ body: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) }));
    await garbled.start(null);
    expect(failedIds(garbled.replies)).toEqual([5]);
  });

  it('a busy server (503) is measured as overloaded, so the pool asks for less at once', async () => {
    const busy = run(request([5]), () => ({ status: 503, body: '{"error":"busy"}' }));
    await busy.start(null);
    const measured = busy.replies.find((r) => r.type === 'measured');
    expect(measured?.type === 'measured' && measured.overloaded).toBe(true);
    expect(failedIds(busy.replies)).toEqual([5]);
  });

  it('a copy read under another key is a miss', () => {
    const bytes = pack(5, 40, 100);
    const wrapped = wrapDisplayCopy('a', bytes);
    expect(unwrapDisplayCopy(wrapped, 'b')).toBeUndefined();
    expect(unwrapDisplayCopy(wrapped, 'a')?.piece.skeletonId).toBe(5);
    expect(readDisplay(bytes.buffer)?.piece.nodeCount).toBe(40);
  });
});
