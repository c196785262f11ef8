/**
 * The pool's workers: created on first use (or all at once by `warm`), each with a count of the
 * loads it is running, so a new load goes to the least busy one. A crashed worker is reported
 * (its loads fail) and is used again for later loads.
 */
import type {
  CancelRequest,
  LoadRequest,
  WorkerReply,
  WritesRequest,
} from './skeleton-protocol.ts';

export interface WorkerSlots {
  /** Index of the least busy worker, counted one load busier. */
  acquire(): number;
  /** One load fewer on worker `i` (finished or cancelled). */
  release(i: number): void;
  post(i: number, msg: LoadRequest | CancelRequest): void;
  /** Holds or lets go the copy writes of every worker, those created later included. */
  holdWrites(held: boolean): void;
  /** Creates every worker not created yet (each starts its script and opens its copy store). */
  warm(): void;
  terminate(): void;
}

export function defaultWorker(): Worker {
  return new Worker(new URL('./skeleton-worker.ts', import.meta.url), {
    type: 'module',
    name: 'skeleton-loader',
  });
}

export function createWorkerSlots(
  count: number,
  create: () => Worker,
  onReply: (reply: WorkerReply) => void,
  onCrash: (worker: number, message: string) => void,
): WorkerSlots {
  const workers: (Worker | undefined)[] = [];
  const busy: number[] = Array.from({ length: count }, () => 0);
  let writesHeld = false;
  const writes = (): WritesRequest => ({ type: 'writes', held: writesHeld });

  const workerAt = (i: number): Worker => {
    let w = workers[i];
    if (!w) {
      w = create();
      w.onmessage = (e: MessageEvent<WorkerReply>) => onReply(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        onCrash(i, e.message);
      };
      workers[i] = w;
      if (writesHeld) w.postMessage(writes());
    }
    return w;
  };

  return {
    acquire() {
      let best = 0;
      for (let i = 1; i < count; i++) if ((busy[i] ?? 0) < (busy[best] ?? 0)) best = i;
      busy[best] = (busy[best] ?? 0) + 1;
      workerAt(best);
      return best;
    },
    release(i) {
      busy[i] = Math.max(0, (busy[i] ?? 1) - 1);
    },
    post(i, msg) {
      workerAt(i).postMessage(msg);
    },
    warm() {
      for (let i = 0; i < count; i++) workerAt(i);
    },
    holdWrites(held) {
      if (held === writesHeld) return;
      writesHeld = held;
      for (const w of workers) w?.postMessage(writes());
    },
    terminate() {
      for (const w of workers) w?.terminate();
      workers.length = 0;
    },
  };
}
