/**
 * Main-thread side of the skeleton workers: per-skeleton `load(id)` calls made within a short
 * window are grouped, split into chunks (one HTTP request each) and spread over a small pool of
 * workers (each runs at most two requests at once), so the concurrency cap is
 * workers × 2. Results arrive per chunk, so the scene fills in incrementally.
 */
import type { NormalizedSkeletonFlags } from '../api/skeleton-flags.ts';
import type { LoadedSkeleton, LoadRequest, WorkerReply } from './skeleton-protocol.ts';

export class SkeletonLoadError extends Error {
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
  server: string;
  projectId: number;
  flags: NormalizedSkeletonFlags;
  workerCount?: number;
  chunkSize?: number;
  windowMs?: number;
  createWorker?: () => Worker;
}

interface Waiter {
  resolve: (s: LoadedSkeleton) => void;
  reject: (e: Error) => void;
}

export interface SkeletonPool {
  load(skeletonId: number, options?: { useCache?: boolean }): Promise<LoadedSkeleton>;
  dispose(): void;
}

function defaultWorker(): Worker {
  return new Worker(new URL('./skeleton-worker.ts', import.meta.url), {
    type: 'module',
    name: 'skeleton-loader',
  });
}

export function createSkeletonPool(o: PoolOptions): SkeletonPool {
  const workerCount = Math.max(1, o.workerCount ?? 2);
  const chunkSize = o.chunkSize ?? 20;
  const windowMs = o.windowMs ?? 15;
  const workers: Worker[] = [];
  const outstanding: number[] = [];
  const waiting = new Map<number, Waiter[]>();
  const requests = new Map<number, { worker: number; ids: number[] }>();
  let pending: { id: number; useCache: boolean }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextRequest = 1;

  const settle = (id: number, fn: (w: Waiter) => void) => {
    const list = waiting.get(id);
    waiting.delete(id);
    for (const w of list ?? []) fn(w);
  };

  const onReply = (reply: WorkerReply) => {
    const req = requests.get(reply.requestId);
    if (reply.type === 'loaded') {
      for (const item of reply.items) settle(item.skeletonId, (w) => w.resolve(item));
    } else if (reply.type === 'failed') {
      for (const f of reply.failures) {
        settle(f.skeletonId, (w) =>
          w.reject(new SkeletonLoadError(f.skeletonId, f.message, f.status)),
        );
      }
    } else if (req) {
      requests.delete(reply.requestId);
      outstanding[req.worker] = (outstanding[req.worker] ?? 1) - 1;
      for (const id of req.ids) {
        settle(id, (w) =>
          w.reject(new SkeletonLoadError(id, `skeleton ${id} was not returned`, null)),
        );
      }
    }
  };

  const workerAt = (i: number): Worker => {
    let w = workers[i];
    if (!w) {
      w = (o.createWorker ?? defaultWorker)();
      w.onmessage = (e: MessageEvent<WorkerReply>) => onReply(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        for (const [rid, req] of requests) {
          if (req.worker !== i) continue;
          onReply({
            type: 'failed',
            requestId: rid,
            failures: req.ids.map((skeletonId) => ({
              skeletonId,
              message: `the skeleton worker failed: ${e.message}`,
              status: null,
            })),
          });
          onReply({ type: 'done', requestId: rid });
        }
      };
      workers[i] = w;
      outstanding[i] = 0;
    }
    return w;
  };

  const send = (ids: number[], useCache: boolean) => {
    let best = 0;
    for (let i = 1; i < workerCount; i++) {
      if ((outstanding[i] ?? 0) < (outstanding[best] ?? 0)) best = i;
    }
    const worker = workerAt(best);
    outstanding[best] = (outstanding[best] ?? 0) + 1;
    const requestId = nextRequest++;
    requests.set(requestId, { worker: best, ids });
    const msg: LoadRequest = {
      type: 'load',
      requestId,
      baseUrl: o.baseUrl,
      server: o.server,
      projectId: o.projectId,
      skeletonIds: ids,
      flags: o.flags,
      useCache,
    };
    worker.postMessage(msg);
  };

  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = [];
    for (const useCache of [true, false]) {
      const ids = [...new Set(batch.filter((p) => p.useCache === useCache).map((p) => p.id))];
      for (let i = 0; i < ids.length; i += chunkSize) send(ids.slice(i, i + chunkSize), useCache);
    }
  };

  return {
    load(skeletonId, { useCache = true } = {}) {
      return new Promise<LoadedSkeleton>((resolve, reject) => {
        const list = waiting.get(skeletonId);
        if (list) {
          list.push({ resolve, reject });
          return;
        }
        waiting.set(skeletonId, [{ resolve, reject }]);
        pending.push({ id: skeletonId, useCache });
        timer ??= setTimeout(flush, windowMs);
      });
    },
    dispose() {
      for (const w of workers) w?.terminate();
      workers.length = 0;
    },
  };
}
