import { describe, expect, it } from 'vitest';
import { normalizeSkeletonFlags } from '../api/skeleton-flags.ts';
import { EDITION_MEMO_MS } from './edition-memo.ts';
import { createSkeletonPool, type PoolOptions } from './skeleton-pool.ts';
import type {
  CancelRequest,
  LoadedSkeleton,
  LoadRequest,
  WorkerReply,
  WritesRequest,
} from './skeleton-protocol.ts';

const flags = normalizeSkeletonFlags({ withTags: true, format: 'msgpack' });
const other = normalizeSkeletonFlags({ withReviews: true });

/** A Worker double: records messages; the test answers for it. */
class FakeWorker {
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  messages: (LoadRequest | CancelRequest | WritesRequest)[] = [];
  terminated = false;
  postMessage(msg: LoadRequest | CancelRequest | WritesRequest) {
    this.messages.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: WorkerReply) {
    this.onmessage?.({ data: r } as MessageEvent<WorkerReply>);
  }
  get loads() {
    return this.messages.filter((m): m is LoadRequest => m.type === 'load');
  }
}

/** A pool over fake workers (collected in `workers`), with the test's options. */
function poolWith(options: Partial<PoolOptions>) {
  const workers: FakeWorker[] = [];
  const pool = createSkeletonPool({
    baseUrl: '/api/catmaid',
    timeoutMs: 30_000,
    server: 's',
    projectId: 1,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    ...options,
  });
  return { pool, workers };
}

function setup(workerCount = 1) {
  return poolWith({ workerCount, windowMs: 1, chunkSize: 3 });
}

const item = (skeletonId: number) => ({ skeletonId }) as LoadedSkeleton;
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('skeleton pool', () => {
  it('batches per flag set and chunk size, one request per skeleton + flags', async () => {
    const { pool, workers } = setup();
    const a = pool.load(1, { flags });
    const again = pool.load(1, { flags });
    void pool.load(2, { flags });
    void pool.load(1, { flags: other });
    await tick();
    const loads = workers[0]?.loads ?? [];
    expect(loads.map((l) => [l.skeletonIds, l.flags])).toEqual([
      [[1, 2], flags],
      [[1], other],
    ]);
    const first = loads[0];
    if (!first) throw new Error('no load');
    // The worker's own client gets the page client's idle timeout (from /api/config).
    expect(first.timeoutMs).toBe(30_000);
    workers[0]?.reply({ type: 'loaded', requestId: first.requestId, items: [item(1)] });
    expect(await a).toEqual(item(1));
    expect(await again).toBe(await a);
  });

  it('a load aborted before the window closes is never requested', async () => {
    const { pool, workers } = setup();
    const controller = new AbortController();
    const p = pool.load(5, { flags, signal: controller.signal });
    const kept = pool.load(6, { flags });
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await tick();
    expect(workers[0]?.loads.map((l) => l.skeletonIds)).toEqual([[6]]);
    void kept;
  });

  it('cancels a sent request once all its skeletons are abandoned, freeing its slot', async () => {
    const { pool, workers } = setup(2);
    const c1 = new AbortController();
    const c2 = new AbortController();
    const p1 = pool.load(1, { flags, signal: c1.signal });
    const p2 = pool.load(2, { flags, signal: c2.signal });
    await tick();
    const [w0] = workers;
    const sent = w0?.loads[0];
    if (!w0 || !sent) throw new Error('not sent');
    c1.abort(new DOMException('gone', 'AbortError'));
    await expect(p1).rejects.toMatchObject({ name: 'AbortError' });
    // Skeleton 2 still wanted: the request goes on.
    expect(w0.messages.some((m) => m.type === 'cancel')).toBe(false);
    c2.abort(new DOMException('gone', 'AbortError'));
    await expect(p2).rejects.toMatchObject({ name: 'AbortError' });
    expect(w0.messages.at(-1)).toEqual({ type: 'cancel', requestId: sent.requestId });
    // The slot is free: the next load goes to worker 0 again (least busy), not to worker 1.
    const p3 = pool.load(3, { flags });
    await tick();
    expect(w0.loads.at(-1)?.skeletonIds).toEqual([3]);
    expect(workers).toHaveLength(1);
    // A late answer of the cancelled request is ignored; skeleton 3 still resolves from its own.
    w0.reply({ type: 'loaded', requestId: sent.requestId, items: [item(2)] });
    const third = w0.loads.at(-1);
    w0.reply({ type: 'loaded', requestId: third?.requestId ?? -1, items: [item(3)] });
    expect(await p3).toEqual(item(3));
  });

  it('one caller aborting does not reject another caller of the same skeleton', async () => {
    const { pool, workers } = setup();
    const c = new AbortController();
    const gone = pool.load(4, { flags, signal: c.signal });
    const stays = pool.load(4, { flags });
    c.abort(new DOMException('gone', 'AbortError'));
    await expect(gone).rejects.toMatchObject({ name: 'AbortError' });
    await tick();
    const sent = workers[0]?.loads[0];
    expect(sent?.skeletonIds).toEqual([4]);
    workers[0]?.reply({ type: 'loaded', requestId: sent?.requestId ?? -1, items: [item(4)] });
    expect(await stays).toEqual(item(4));
  });

  it('holds the copy writes of every worker, those created later too, until let go', async () => {
    const { pool, workers } = setup(2);
    void pool.load(1, { flags }).catch(() => undefined);
    await tick();
    expect(workers).toHaveLength(1);
    const release = pool.holdCopyWrites();
    const writes = (w: FakeWorker | undefined) => w?.messages.filter((m) => m.type === 'writes');
    expect(writes(workers[0])).toEqual([{ type: 'writes', held: true }]);
    // The second worker is created by a later load: it learns of the hold before its load.
    void pool.load(2, { flags }).catch(() => undefined);
    await tick();
    expect(workers[1]?.messages.map((m) => m.type)).toEqual(['writes', 'load']);
    release();
    expect(writes(workers[0])?.at(-1)).toEqual({ type: 'writes', held: false });
    expect(writes(workers[1])?.at(-1)).toEqual({ type: 'writes', held: false });
    pool.dispose();
  });

  it('prewarm starts every worker before any load; loads then use them', async () => {
    const { pool, workers } = setup(2);
    pool.prewarm();
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.messages.length === 0)).toBe(true);
    pool.prewarm();
    expect(workers).toHaveLength(2);
    void pool.load(1, { flags }).catch(() => undefined);
    await tick();
    expect(workers).toHaveLength(2);
    expect(workers.flatMap((w) => w.loads.map((l) => l.skeletonIds))).toEqual([[1]]);
    pool.dispose();
    pool.prewarm();
    expect(workers).toHaveLength(2);
  });

  it('dispose settles every pending promise (queued and sent) and terminates the workers', async () => {
    const { pool, workers } = setup();
    const sent = pool.load(1, { flags });
    await tick();
    const queued = pool.load(2, { flags });
    pool.dispose();
    await expect(sent).rejects.toMatchObject({ name: 'AbortError' });
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers.every((w) => w.terminated)).toBe(true);
    await expect(pool.load(3, { flags })).rejects.toMatchObject({ name: 'AbortError' });
    await tick();
    // Nothing was sent after dispose.
    expect(workers[0]?.loads.map((l) => l.skeletonIds)).toEqual([[1]]);
  });

  it('rejects with the worker’s reason, and skeletons a finished request did not return', async () => {
    const { pool, workers } = setup();
    const a = pool.load(1, { flags });
    const b = pool.load(2, { flags });
    await tick();
    const rid = workers[0]?.loads[0]?.requestId ?? -1;
    const reason = 'CATMAID answered with a server error (HTTP 500), still after 6 attempts';
    workers[0]?.reply({
      type: 'failed',
      requestId: rid,
      failures: [{ skeletonId: 1, message: reason, status: 500 }],
    });
    workers[0]?.reply({ type: 'done', requestId: rid });
    await expect(a).rejects.toMatchObject({ message: reason, status: 500, skeletonId: 1 });
    await expect(b).rejects.toThrow('skeleton 2 was not returned');
  });
});

describe('skeleton pool: adaptive concurrency and a small first request', () => {
  function limited(current: number) {
    const recorded: { ms: number; nodes: number; overloaded: boolean }[] = [];
    const limit = {
      current,
      record(o: { ms: number; nodes: number; overloaded: boolean }) {
        recorded.push(o);
      },
    };
    const { pool, workers } = poolWith({
      workerCount: 2,
      windowMs: 1,
      chunkSize: 5,
      firstChunkSize: 2,
      limit,
    });
    const loads = () => workers.flatMap((w) => w.loads).sort((a, b) => a.requestId - b.requestId);
    return { pool, workers, limit, recorded, loads };
  }

  it('sends a short first request, then full chunks, never more at once than the limit', async () => {
    const { pool, workers, limit, recorded, loads } = limited(2);
    for (let id = 1; id <= 14; id++) void pool.load(id, { flags }).catch(() => undefined);
    await tick();
    expect(loads().map((l) => l.skeletonIds)).toEqual([
      [1, 2],
      [3, 4, 5, 6, 7],
    ]);
    // The first answer frees a slot: the next waiting chunk goes out, in order.
    const first = loads()[0];
    const owner = workers.find((w) => w.loads.includes(first as LoadRequest));
    owner?.reply({
      type: 'measured',
      requestId: first?.requestId ?? 0,
      ms: 80,
      nodes: 900,
      overloaded: false,
    });
    owner?.reply({ type: 'loaded', requestId: first?.requestId ?? 0, items: [item(1), item(2)] });
    owner?.reply({ type: 'done', requestId: first?.requestId ?? 0 });
    await tick();
    expect(recorded).toEqual([{ ms: 80, nodes: 900, overloaded: false }]);
    expect(loads().map((l) => l.skeletonIds)).toHaveLength(3);
    expect(loads()[2]?.skeletonIds).toEqual([8, 9, 10, 11, 12]);
    // The limit grew: the rest goes out at once.
    limit.current = 4;
    const second = loads()[1];
    const owner2 = workers.find((w) => w.loads.includes(second as LoadRequest));
    owner2?.reply({ type: 'done', requestId: second?.requestId ?? 0 });
    await tick();
    expect(
      loads()
        .map((l) => l.skeletonIds)
        .at(-1),
    ).toEqual([13, 14]);
    pool.dispose();
  });

  it('sends one short first request per burst: the first flag set’s, the others in full chunks', async () => {
    const { pool, loads } = limited(8);
    const lead = normalizeSkeletonFlags({ format: 'msgpack' });
    for (let id = 1; id <= 2; id++) void pool.load(id, { flags: lead }).catch(() => undefined);
    for (let id = 3; id <= 14; id++) void pool.load(id, { flags }).catch(() => undefined);
    await tick();
    expect(loads().map((l) => l.skeletonIds)).toEqual([
      [1, 2],
      [3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12],
      [13, 14],
    ]);
    pool.dispose();
  });

  /** One worker, chunks of 5, a 3 ms window and a clock the test sets. */
  function clocked(firstChunkSize: number) {
    const clock = { now: 0 };
    const { pool, workers } = poolWith({
      workerCount: 1,
      windowMs: 3,
      chunkSize: 5,
      firstChunkSize,
      limit: { current: 8, record: () => undefined },
      now: () => clock.now,
    });
    const sent = () => workers.flatMap((w) => w.loads.map((l) => l.skeletonIds));
    return { pool, clock, sent };
  }

  it('never holds back the short first request, even while loads still arrive', async () => {
    const { pool, sent } = clocked(4);
    const lead = normalizeSkeletonFlags({ format: 'msgpack' });
    for (let id = 1; id <= 3; id++) void pool.load(id, { flags: lead }).catch(() => undefined);
    void pool.load(4, { flags }).catch(() => undefined);
    await tick();
    expect(sent()).toEqual([[1, 2, 3]]);
    pool.dispose();
  });

  it('keeps a short last chunk back while loads still arrive, and sends it once they stop', async () => {
    const { pool, clock, sent } = clocked(2);
    const load = (from: number, to: number) => {
      for (let id = from; id <= to; id++) void pool.load(id, { flags }).catch(() => undefined);
    };
    // The window closes with the last load just made (the clock has not moved): the short
    // first request goes at once, [8, 9] waits.
    load(1, 9);
    await tick();
    expect(sent()).toEqual([
      [1, 2],
      [3, 4, 5, 6, 7],
    ]);
    // More arrive, then nothing for a while: the waiting ones go out with them.
    load(10, 12);
    clock.now = 100;
    await tick();
    expect(sent().at(-1)).toEqual([8, 9, 10, 11, 12]);
    // A short chunk held back goes out one window later when nothing else comes.
    load(13, 14);
    await tick();
    expect(sent()).toHaveLength(3);
    clock.now = 200;
    await tick();
    expect(sent().at(-1)).toEqual([13, 14]);
    pool.dispose();
  });

  it('sends the next chunk once the server answered, while the worker still decodes', async () => {
    const { pool, workers, loads } = limited(1);
    for (let id = 1; id <= 12; id++) void pool.load(id, { flags }).catch(() => undefined);
    await tick();
    expect(loads().map((l) => l.skeletonIds)).toEqual([[1, 2]]);
    const first = loads()[0];
    const owner = workers.find((w) => w.loads.includes(first as LoadRequest));
    const requestId = first?.requestId ?? 0;
    owner?.reply({ type: 'answered', requestId });
    await tick();
    expect(loads().map((l) => l.skeletonIds)).toEqual([
      [1, 2],
      [3, 4, 5, 6, 7],
    ]);
    // Told twice, and then done: the slot was freed once, so one request stays in flight.
    owner?.reply({ type: 'answered', requestId });
    owner?.reply({ type: 'loaded', requestId, items: [item(1), item(2)] });
    owner?.reply({ type: 'done', requestId });
    await tick();
    expect(loads()).toHaveLength(2);
    pool.dispose();
  });
});

describe('skeleton pool: browser copies first', () => {
  it('reads copies in big chunks outside the limit, then fetches only what was missing', async () => {
    const { pool, workers } = poolWith({
      workerCount: 1,
      windowMs: 1,
      chunkSize: 2,
      firstChunkSize: 1,
      cacheFirst: true,
      cacheChunkSize: 4,
      limit: { current: 1, record: () => undefined },
    });
    const results = [1, 2, 3, 4, 5, 6].map((id) => pool.load(id, { flags }));
    await tick();
    const w = workers[0];
    if (!w) throw new Error('no worker');
    // Two cache reads at once, although only one network request may be in flight.
    expect(w.loads.map((l) => [l.skeletonIds, l.cacheOnly, l.useCache])).toEqual([
      [[1], true, true],
      [[2, 3, 4, 5], true, true],
      [[6], true, true],
    ]);
    const [c0, c1, c2] = w.loads;
    w.reply({ type: 'loaded', requestId: c0?.requestId ?? 0, items: [item(1)] });
    w.reply({ type: 'done', requestId: c0?.requestId ?? 0 });
    w.reply({ type: 'loaded', requestId: c1?.requestId ?? 0, items: [item(2)] });
    w.reply({ type: 'missing', requestId: c1?.requestId ?? 0, skeletonIds: [3, 4, 5] });
    w.reply({ type: 'done', requestId: c1?.requestId ?? 0 });
    w.reply({ type: 'missing', requestId: c2?.requestId ?? 0, skeletonIds: [6] });
    w.reply({ type: 'done', requestId: c2?.requestId ?? 0 });
    expect(await results[0]).toEqual(item(1));
    await tick();
    // The network stage: a short first request, within the limit, not reading the copy again.
    expect(w.loads.slice(3).map((l) => [l.skeletonIds, l.cacheOnly, l.useCache])).toEqual([
      [[3], undefined, false],
    ]);
    const n1 = w.loads[3];
    w.reply({ type: 'loaded', requestId: n1?.requestId ?? 0, items: [item(3)] });
    w.reply({ type: 'done', requestId: n1?.requestId ?? 0 });
    await tick();
    expect(w.loads.slice(4).map((l) => l.skeletonIds)).toEqual([[4, 5]]);
    expect(await results[2]).toEqual(item(3));
    pool.dispose();
    await Promise.allSettled(results);
  });

  /** One worker; the browser's copies read first, the first read of one skeleton. */
  const copiesFirst = { workerCount: 1, windowMs: 1, firstChunkSize: 1, cacheFirst: true } as const;

  it('names the whole burst in each of its loads, so edition times are asked once', async () => {
    const { pool, workers } = poolWith({ ...copiesFirst, cacheChunkSize: 4 });
    const results = [1, 2, 3, 4, 5, 6].map((id) => pool.load(id, { flags }));
    await tick();
    const loads = workers[0]?.loads ?? [];
    expect(loads.map((l) => l.skeletonIds)).toEqual([[1], [2, 3, 4, 5], [6]]);
    for (const l of loads) expect(l.ahead).toEqual([1, 2, 3, 4, 5, 6]);
    pool.dispose();
    await Promise.allSettled(results);
  });

  it('names the skeletons announced for the burst too, while they are still arriving', async () => {
    let t = 0;
    const { pool, workers } = poolWith({ ...copiesFirst, cacheChunkSize: 4, now: () => t });
    // A view announces 1-8, then starts its loads in slices: 1-3 now, 4-8 later.
    pool.announce([1, 2, 3, 4, 5, 6, 7, 8]);
    const first = [1, 2, 3].map((id) => pool.load(id, { flags }));
    await tick();
    const loads = workers[0]?.loads ?? [];
    expect(loads.map((l) => l.skeletonIds)).toEqual([[1], [2, 3]]);
    for (const l of loads) expect(l.ahead).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // An announcement is only a hint for the next EDITION_MEMO_MS.
    t += EDITION_MEMO_MS;
    const later = [9].map((id) => pool.load(id, { flags }));
    await tick();
    const last = workers[0]?.loads.at(-1);
    expect(last?.skeletonIds).toEqual([9]);
    expect(last?.ahead).toBeUndefined();
    pool.dispose();
    await Promise.allSettled([...first, ...later]);
  });

  it('gives the chunks of an announced burst one burst id, and a new announce a new one', async () => {
    const { pool, workers } = poolWith({ ...copiesFirst, cacheChunkSize: 4 });
    pool.announce([1, 2, 3, 4, 5, 6]);
    const first = [1, 2, 3, 4, 5, 6].map((id) => pool.load(id, { flags }));
    await tick();
    const loads = workers[0]?.loads ?? [];
    expect(loads).toHaveLength(3);
    const burst = loads[0]?.burst;
    expect(burst).toMatch(/^[0-9a-f]{32}$/);
    for (const l of loads) expect(l.burst).toBe(burst);
    // The next view (or the same skeletons again after a reload) is a burst of its own.
    pool.announce([7, 8]);
    const second = [7, 8].map((id) => pool.load(id, { flags }));
    await tick();
    const next = workers[0]?.loads.slice(3) ?? [];
    expect(next.length).toBeGreaterThan(0);
    for (const l of next) expect(l.burst).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(next.map((l) => l.burst))).toEqual(new Set([next[0]?.burst]));
    expect(next[0]?.burst).not.toBe(burst);
    pool.dispose();
    await Promise.allSettled([...first, ...second]);
  });

  it('gives each flush group its own burst id without an announce, or outside it', async () => {
    const { pool, workers } = poolWith({ ...copiesFirst, cacheChunkSize: 4 });
    const first = [1, 2, 3, 4, 5, 6].map((id) => pool.load(id, { flags }));
    await tick();
    const loads = workers[0]?.loads ?? [];
    expect(new Set(loads.map((l) => l.burst)).size).toBe(1);
    // Skeletons not all of the announced burst: not its id either.
    pool.announce([7]);
    const second = [7, 8].map((id) => pool.load(id, { flags }));
    await tick();
    const next = workers[0]?.loads.slice(loads.length) ?? [];
    expect(next.length).toBeGreaterThan(0);
    const ids = new Set([loads[0]?.burst, ...next.map((l) => l.burst)]);
    expect(ids.size).toBe(2);
    expect(ids.has(undefined)).toBe(false);
    pool.dispose();
    await Promise.allSettled([...first, ...second]);
  });
});
