/**
 * Main-thread side of the skeleton workers, and the one batcher for compact-detail: per-skeleton
 * `load(id, { flags })` calls made within a short window are grouped by flags, split into chunks
 * (one HTTP request each) and spread over a small pool of workers. How many requests are in
 * flight at once adapts to the server (adaptive-limit.ts: grows while answers stay fast, halves
 * on 5xx and timeouts); chunks beyond that wait here, in order. The first chunk after an idle
 * pool is small, so the first neurons are on screen after one short request whatever N is.
 * Results arrive per chunk, so the scene fills in incrementally. Each call may carry an AbortSignal: a skeleton nobody waits for any more is
 * dropped before it is sent, and a sent chunk whose skeletons are all abandoned is cancelled in
 * its worker (its slot is free at once). `dispose()` settles every pending promise.
 */
import type { NormalizedSkeletonFlags } from '../api/skeleton-flags.ts';
import type {
  LoadedDisplay,
  LoadedSkeleton,
  LoadRequest,
  WorkerReply,
} from './skeleton-protocol.ts';
import { createAdaptiveLimit, type AdaptiveLimit } from './adaptive-limit.ts';
import {
  FIRST_CHUNK_SIZE,
  SKELETON_BATCH_WINDOW_MS,
  SKELETON_CHUNK_SIZE,
} from './skeleton-load-limits.ts';
import { createWriteHold } from './copy-write-hold.ts';
import { newBurstId } from './burst-id.ts';
import { EDITION_MEMO_MS } from './edition-memo.ts';
import { createWorkerSlots, defaultWorker } from './worker-slots.ts';

class SkeletonLoadError extends Error {
  constructor(
    readonly skeletonId: number,
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'SkeletonLoadError';
  }
}

export interface PoolOptions {
  baseUrl: string;
  timeoutMs: number;
  server: string;
  projectId: number;
  workerCount?: number;
  chunkSize?: number;
  windowMs?: number;
  createWorker?: () => Worker;
  /** Requests in flight at once (default: adaptive, 4 to start, 2–16). */
  limit?: AdaptiveLimit;
  /** Skeletons in the first request after the pool was idle (default 4). */
  firstChunkSize?: number;
  /**
   * Read the browser's copies first, in big chunks outside the request limit (one IndexedDB
   * read and one edition check per chunk), and queue only what is missing or stale for the
   * network (default false: one stage, the cache read inside each network chunk).
   */
  cacheFirst?: boolean;
  /** Clock for telling loads still arriving (default performance.now). */
  now?: () => number;
  /** Skeletons per cache-stage chunk (default 100). */
  cacheChunkSize?: number;
  /**
   * Base URL of the dashboard server's own routes (e.g. `/api`), where display forms come
   * from (display-load.ts); without it `loadDisplay` fails at once (callers load in full).
   */
  dashboardBaseUrl?: string;
}

export interface PoolLoadOptions {
  flags: NormalizedSkeletonFlags;
  /** false: skip the IndexedDB copy (explicit refresh). */
  useCache?: boolean;
  signal?: AbortSignal | undefined;
}

export interface SkeletonPool {
  load(skeletonId: number, options: PoolLoadOptions): Promise<LoadedSkeleton>;
  /** The skeleton's display form (display first), batched like `load`. */
  loadDisplay(skeletonId: number, options: PoolLoadOptions): Promise<LoadedDisplay>;
  /**
   * Keeps the workers from writing their copies until the returned function is called: a view
   * drawing a scene the user waits for holds them (copy-write-hold.ts).
   */
  holdCopyWrites(): () => void;
  /**
   * Starts the workers before the first load needs them. A worker's start (thread, script,
   * compile, opening the browser's copy store) took 100-150 ms, which the first load of a page
   * waited for before its first request went out; a view that will load skeletons calls this
   * when it opens.
   */
  prewarm(): void;
  /**
   * The skeletons a view is about to ask for (a burst it starts in slices): each load of the next
   * EDITION_MEMO_MS names them, so the workers ask their edition times in one request
   * (edition-memo.ts) instead of one per chunk; and their loads carry one new burst id, so the
   * dashboard server does the same for display loads (LoadRequest.burst).
   */
  announce(skeletonIds: readonly number[]): void;
  dispose(): void;
}

type Item = LoadedSkeleton | LoadedDisplay;

interface Waiter {
  resolve: (s: Item) => void;
  reject: (e: unknown) => void;
  detach: () => void;
}

/** One skeleton + flag set somebody waits for. */
interface Entry {
  id: number;
  flags: NormalizedSkeletonFlags;
  useCache: boolean;
  waiters: Set<Waiter>;
  /** The request carrying it, once sent. */
  requestId: number | null;
  /** Next step: look in the browser's copy (cacheFirst), or ask the server. */
  stage: 'cache' | 'network';
  /** A display form is wanted, not the skeleton. */
  display: boolean;
}

interface SentRequest {
  worker: number;
  /**
   * Counts against the request limit (a cache-stage read does not), until the server has
   * answered: decoding the answer in the worker is no work for the server.
   */
  network: boolean;
  flagsKey: string;
  keys: string[];
}

interface Chunk {
  flags: NormalizedSkeletonFlags;
  keys: string[];
  useCache: boolean;
  cacheOnly: boolean;
  display: boolean;
  /** Its group's skeletons and the burst announced last (LoadRequest.ahead, aheadOf). */
  ahead?: number[];
  /** The announced burst's id, else its flush group's (LoadRequest.burst). */
  burst?: string;
}

/** What an answer is keyed by: the flags, and whether it is a display form. */
const flagsKeyOf = (flags: NormalizedSkeletonFlags, display: boolean) =>
  `${display ? 'display|' : ''}${JSON.stringify(flags)}`;
const entryKey = (flagsKey: string, id: number) => `${flagsKey}|${id}`;

function disposedError(): Error {
  return new DOMException('the skeleton loader was closed', 'AbortError');
}

export function createSkeletonPool(o: PoolOptions): SkeletonPool {
  const workerCount = Math.max(1, o.workerCount ?? 2);
  const chunkSize = o.chunkSize ?? SKELETON_CHUNK_SIZE;
  const windowMs = o.windowMs ?? SKELETON_BATCH_WINDOW_MS;
  const firstChunkSize = Math.min(o.firstChunkSize ?? FIRST_CHUNK_SIZE, chunkSize);
  const limit = o.limit ?? createAdaptiveLimit({ now: () => performance.now() });
  /** Chunks waiting for a free request slot, oldest first. */
  const queue: Chunk[] = [];
  const cacheFirst = o.cacheFirst ?? false;
  const cacheChunkSize = o.cacheChunkSize ?? 100;
  let networkInFlight = 0;
  const entries = new Map<string, Entry>();
  const requests = new Map<number, SentRequest>();
  let pending: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextRequest = 1;
  let disposed = false;
  const now = o.now ?? (() => performance.now());
  let lastEnqueueAt = -Infinity;
  let announced: { ids: ReadonlySet<number>; at: number; burst: string } | null = null;
  /** The burst announced last, while it is still a hint (EDITION_MEMO_MS). */
  const announcedNow = () =>
    announced && now() - announced.at < EDITION_MEMO_MS ? announced : undefined;
  /** The group's skeletons and those of the burst announced last (LoadRequest.ahead). */
  const aheadOf = (keys: string[]): number[] => {
    const ids = new Set(keys.flatMap((key) => entries.get(key)?.id ?? []));
    for (const id of announcedNow()?.ids ?? []) ids.add(id);
    return [...ids];
  };
  /**
   * The announced burst's id for a group of its skeletons; a group with any other skeleton is a
   * burst of its own, so no load outside an announced burst shares its edition times.
   */
  const burstOf = (keys: string[]): string => {
    const a = announcedNow();
    const inIt = (key: string) => {
      const id = entries.get(key)?.id;
      return id !== undefined && a?.ids.has(id) === true;
    };
    return a && keys.every(inIt) ? a.burst : newBurstId();
  };

  const settle = (key: string, fn: (w: Waiter) => void) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    for (const w of entry.waiters) {
      w.detach();
      fn(w);
    }
  };

  /** The request stops counting against the limit (once); true if it did count. */
  const freeRequestSlot = (req: SentRequest): boolean => {
    if (!req.network) return false;
    req.network = false;
    networkInFlight--;
    return true;
  };

  const release = (requestId: number) => {
    const req = requests.get(requestId);
    if (!req) return undefined;
    requests.delete(requestId);
    freeRequestSlot(req);
    slots.release(req.worker);
    // A slot is free: the next waiting chunk goes out (in a microtask, after this reply).
    queueMicrotask(pump);
    return req;
  };

  const onReply = (reply: WorkerReply) => {
    const req = requests.get(reply.requestId);
    if (!req) return; // cancelled or disposed: nobody waits for it
    if (reply.type === 'answered') {
      // The worker still decodes (its slot stays taken), but the server is free for the next.
      if (freeRequestSlot(req)) queueMicrotask(pump);
    } else if (reply.type === 'measured') {
      limit.record({ ms: reply.ms, nodes: reply.nodes, overloaded: reply.overloaded });
    } else if (reply.type === 'missing') {
      // Not in (or stale in) the browser's copy: on to the network stage.
      for (const id of reply.skeletonIds) {
        const key = entryKey(req.flagsKey, id);
        const entry = entries.get(key);
        if (entry?.requestId !== reply.requestId) continue;
        entry.requestId = null;
        entry.stage = 'network';
        pending.push(key);
      }
      timer ??= setTimeout(flush, 0);
    } else if (reply.type === 'loaded' || reply.type === 'displayed') {
      for (const item of reply.items) {
        settle(entryKey(req.flagsKey, item.skeletonId), (w) => w.resolve(item));
      }
    } else if (reply.type === 'failed') {
      for (const f of reply.failures) {
        const error = new SkeletonLoadError(f.skeletonId, f.message, f.status);
        settle(entryKey(req.flagsKey, f.skeletonId), (w) => w.reject(error));
      }
    } else {
      release(reply.requestId);
      for (const key of req.keys) {
        const entry = entries.get(key);
        if (entry?.requestId !== reply.requestId) continue;
        const error = new SkeletonLoadError(
          entry.id,
          `skeleton ${entry.id} was not returned`,
          null,
        );
        settle(key, (w) => w.reject(error));
      }
    }
  };

  /** A crashed worker fails the loads it was running. */
  const onCrash = (worker: number, message: string) => {
    for (const [rid, req] of [...requests]) {
      if (req.worker !== worker) continue;
      onReply({
        type: 'failed',
        requestId: rid,
        failures: req.keys.flatMap((key) => {
          const entry = entries.get(key);
          if (!entry) return [];
          return [
            {
              skeletonId: entry.id,
              message: `the skeleton worker failed: ${message}`,
              status: null,
            },
          ];
        }),
      });
      onReply({ type: 'done', requestId: rid });
    }
  };

  const slots = createWorkerSlots(workerCount, o.createWorker ?? defaultWorker, onReply, onCrash);
  const writeHold = createWriteHold((held) => slots.holdWrites(held));

  /** Every skeleton of a sent request abandoned: stop it in the worker and free its slot. */
  const cancelIfAbandoned = (requestId: number) => {
    const req = requests.get(requestId);
    if (!req || req.keys.some((key) => entries.get(key)?.requestId === requestId)) return;
    release(requestId);
    slots.post(req.worker, { type: 'cancel', requestId });
  };

  const send = ({ flags, keys: queued, useCache, cacheOnly, display, ahead, burst }: Chunk) => {
    // Skeletons abandoned while the chunk waited are not asked for.
    const keys = queued.filter((key) => entries.get(key)?.requestId === null);
    if (keys.length === 0) return;
    const worker = slots.acquire();
    const requestId = nextRequest++;
    const ids: number[] = [];
    for (const key of keys) {
      const entry = entries.get(key);
      if (!entry) continue;
      entry.requestId = requestId;
      ids.push(entry.id);
    }
    const flagsKey = flagsKeyOf(flags, display);
    requests.set(requestId, { worker, network: !cacheOnly, flagsKey, keys });
    if (!cacheOnly) networkInFlight++;
    const msg: LoadRequest = {
      type: 'load',
      requestId,
      baseUrl: o.baseUrl,
      timeoutMs: o.timeoutMs,
      server: o.server,
      projectId: o.projectId,
      skeletonIds: ids,
      flags,
      useCache,
    };
    if (cacheOnly) msg.cacheOnly = true;
    if (display) msg.displayBaseUrl = o.dashboardBaseUrl;
    if (ahead && ahead.length > ids.length) msg.ahead = ahead;
    if (burst !== undefined) msg.burst = burst;
    slots.post(worker, msg);
  };

  function pump(): void {
    while (!disposed && networkInFlight < limit.current) {
      const chunk = queue.shift();
      if (!chunk) return;
      send(chunk);
    }
  }

  const flush = () => {
    timer = undefined;
    const idle = networkInFlight === 0 && queue.length === 0;
    // Cache reads in flight count too: a burst of windows gets one short read, not one each.
    const cacheIdle = requests.size === 0 && queue.length === 0;
    // Loads still arriving (a big selection is started in slices, one task each): a short last
    // chunk of a group waits one more window for them instead of going out alone.
    const arriving = now() - lastEnqueueAt < windowMs / 3;
    const groups = new Map<string, Chunk>();
    for (const key of new Set(pending)) {
      const entry = entries.get(key);
      // Abandoned before it was sent, or already sent with an earlier window.
      if (!entry || entry.requestId !== null) continue;
      const cacheOnly = entry.stage === 'cache';
      // After the cache stage the network stage does not read the copy again.
      const useCache = entry.useCache && !cacheFirst;
      const group = `${cacheOnly}|${useCache}|${flagsKeyOf(entry.flags, entry.display)}`;
      let g = groups.get(group);
      if (!g) {
        const display = entry.display;
        g = { flags: entry.flags, useCache: cacheOnly || useCache, cacheOnly, display, keys: [] };
        groups.set(group, g);
      }
      g.keys.push(key);
    }
    pending = [];
    // One short first request per burst (the first group's: the geometry-first lead when there
    // is one); the other groups go in full chunks.
    let shortSent = !idle;
    for (const g of groups.values()) {
      // Each chunk names the burst's skeletons: their edition times go in one request. A new
      // view (a new announce) is a new burst, so the server never reuses times across views.
      const ahead = aheadOf(g.keys);
      const burst = burstOf(g.keys);
      const chunk = (keys: string[]): Chunk => ({ ...g, keys, ahead, burst });
      if (g.cacheOnly) {
        // Local reads: all at once, spread over the workers, outside the request limit; the
        // first one short, so the first copies are on screen before the big reads are done.
        let i = 0;
        if (cacheIdle && g.keys.length > firstChunkSize) {
          send(chunk(g.keys.slice(0, firstChunkSize)));
          i = firstChunkSize;
        }
        for (; i < g.keys.length; i += cacheChunkSize)
          send(chunk(g.keys.slice(i, i + cacheChunkSize)));
        continue;
      }
      let i = 0;
      if (!shortSent) {
        // Never held back: it is what puts the first neurons on screen.
        shortSent = true;
        i = Math.min(firstChunkSize, g.keys.length);
        queue.push(chunk(g.keys.slice(0, i)));
      }
      for (; i < g.keys.length; i += chunkSize) {
        const keys = g.keys.slice(i, i + chunkSize);
        if (arriving && keys.length < chunkSize) {
          pending.push(...keys);
          timer ??= setTimeout(flush, windowMs);
        } else queue.push(chunk(keys));
      }
    }
    pump();
  };

  const abandon = (key: string, entry: Entry, waiter: Waiter, reason: unknown) => {
    if (!entry.waiters.delete(waiter)) return;
    waiter.reject(reason);
    if (entry.waiters.size > 0 || entries.get(key) !== entry) return;
    entries.delete(key);
    if (entry.requestId !== null) cancelIfAbandoned(entry.requestId);
  };

  const enqueue = (
    skeletonId: number,
    { flags, useCache = true, signal }: PoolLoadOptions,
    display: boolean,
  ): Promise<Item> => {
    if (disposed) return Promise.reject(disposedError());
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<Item>((resolve, reject) => {
      const key = entryKey(flagsKeyOf(flags, display), skeletonId);
      let entry = entries.get(key);
      if (!entry) {
        entry = {
          id: skeletonId,
          flags,
          useCache,
          waiters: new Set(),
          requestId: null,
          stage: useCache && cacheFirst ? 'cache' : 'network',
          display,
        };
        entries.set(key, entry);
        pending.push(key);
        lastEnqueueAt = now();
        timer ??= setTimeout(flush, windowMs);
      }
      const owner = entry;
      const onAbort = () => abandon(key, owner, waiter, signal?.reason);
      const waiter: Waiter = {
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      owner.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  return {
    load: (skeletonId, options) =>
      enqueue(skeletonId, options, false).then((item) =>
        'display' in item ? Promise.reject(new Error('a display form answered a load')) : item,
      ),
    loadDisplay: (skeletonId, options) => {
      if (o.dashboardBaseUrl === undefined)
        return Promise.reject(new Error('no dashboard server to ask display forms of'));
      return enqueue(skeletonId, options, true).then((item) =>
        'display' in item ? item : Promise.reject(new Error('a skeleton answered a display load')),
      );
    },
    holdCopyWrites: () => writeHold.hold(),
    prewarm: () => {
      if (!disposed) slots.warm();
    },
    announce: (skeletonIds) => {
      announced = { ids: new Set(skeletonIds), at: now(), burst: newBurstId() };
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      timer = undefined;
      pending = [];
      queue.length = 0;
      const error = disposedError();
      for (const key of [...entries.keys()]) settle(key, (w) => w.reject(error));
      requests.clear();
      slots.terminate();
    },
  };
}
