/**
 * Coalesce concurrent asks for many ids into one batched fetch. Callers that ask within the same
 * short window (the effects of one React commit land in one task) share one `fetchMany` call for
 * the union of their ids, and an id already on its way is not asked again. `fetchMany` does the
 * wire chunking itself (see `fetchChunked`), so "one request per chunk" holds across callers.
 *
 * The shared fetch carries no caller's signal (other callers still want the answer); a caller's
 * abort only rejects that caller's promise.
 */
import { forEachTimeSliced } from '../time-sliced.ts';

export interface IdBatcher<T> {
  /** Results for the ids the server knows; an id it omits is absent from the map. */
  load(ids: readonly number[], signal?: AbortSignal): Promise<Map<number, T>>;
}

export interface IdBatcherOptions {
  /** How long the first ask waits for others to join, in ms. */
  windowMs?: number;
}

interface Batch<T> {
  ids: number[];
  result: Promise<ReadonlyMap<number, T>>;
}

/** `promise`, or the signal's reason once it aborts (the work itself goes on). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e as Error);
      },
    );
  });
}

export function createIdBatcher<T>(
  fetchMany: (ids: readonly number[]) => Promise<ReadonlyMap<number, T>>,
  { windowMs = 5 }: IdBatcherOptions = {},
): IdBatcher<T> {
  /** id → the batch that will answer it (open or in flight). */
  const owner = new Map<number, Batch<T>>();
  let open: Batch<T> | null = null;

  function openBatch(): Batch<T> {
    let start!: () => void;
    const gate = new Promise<void>((resolve) => (start = resolve));
    const batch: Batch<T> = {
      ids: [],
      result: gate.then(() => fetchMany(batch.ids)),
    };
    setTimeout(() => {
      if (open === batch) open = null;
      start();
    }, windowMs);
    // In time slices, as the loops in `load`: a batch of 50,000 ids is a long task otherwise.
    const release = () =>
      void forEachTimeSliced(batch.ids, (id) => {
        if (owner.get(id) === batch) owner.delete(id);
      });
    // Settled batches leave the map so a later ask (e.g. after invalidation) goes to the wire.
    batch.result.then(release, release);
    return batch;
  }

  return {
    async load(ids, signal) {
      const batches = new Set<Batch<T>>();
      // A short list is done within the first slice, before anything yields (so asks made in
      // one task still share a batch); a long one may close its batch midway and open another.
      await forEachTimeSliced(ids, (id) => {
        let batch = owner.get(id);
        if (!batch) {
          open ??= openBatch();
          batch = open;
          batch.ids.push(id);
          owner.set(id, batch);
        }
        batches.add(batch);
      });
      const answers = await untilAborted(Promise.all([...batches].map((b) => b.result)), signal);
      const out = new Map<number, T>();
      await forEachTimeSliced(ids, (id) => {
        for (const answer of answers) {
          const value = answer.get(id);
          if (value !== undefined) {
            out.set(id, value);
            break;
          }
        }
      });
      return out;
    },
  };
}
