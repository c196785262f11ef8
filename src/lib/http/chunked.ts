/**
 * Run work over long id lists in chunks with a concurrency cap. CATMAID builds batch answers
 * sequentially and proxies cut long requests (502/504), so many moderate requests, a few at a
 * time, beat one huge one — and leave the browser's 6-connection budget to other panels.
 */

export interface ChunkedOptions {
  signal?: AbortSignal | undefined;
  /** Called after each chunk settles, with the number of ids done so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export function splitChunks<T>(items: readonly T[], chunkSize: number): T[][] {
  if (!(chunkSize >= 1)) throw new RangeError(`chunkSize must be >= 1, got ${chunkSize}`);
  const size = Math.floor(chunkSize);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Apply `fn` to each chunk, at most `concurrency` at once; results come back in chunk order.
 * The first failure aborts the chunks still running (through the signal given to `fn`) and is
 * rethrown; a caller abort rejects with the caller's abort reason.
 */
export async function runChunked<T, R>(
  ids: readonly T[],
  chunkSize: number,
  concurrency: number,
  fn: (chunk: T[], signal: AbortSignal, chunkIndex: number) => Promise<R>,
  options: ChunkedOptions = {},
): Promise<R[]> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw signal.reason;
  const chunks = splitChunks(ids, chunkSize);
  const results = new Array<R>(chunks.length);
  const inner = new AbortController();
  const onAbort = () => inner.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      if (inner.signal.aborted) throw inner.signal.reason;
      const index = next++;
      const chunk = chunks[index] ?? [];
      results[index] = await fn(chunk, inner.signal, index);
      done += chunk.length;
      onProgress?.(done, ids.length);
    }
  };

  try {
    const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, chunks.length));
    const running = Array.from({ length: lanes }, () =>
      worker().catch((e: unknown) => {
        // Stop the siblings: their results would be thrown away anyway.
        inner.abort(e);
        throw e;
      }),
    );
    const settled = await Promise.allSettled(running);
    if (signal?.aborted) throw signal.reason;
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return results;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** How a many-id endpoint is split on the wire. */
export interface ChunkPolicy {
  /** Most ids in one request (server work, body size and proxy timeouts bound it). */
  chunkSize: number;
  /** Most requests of one call in flight at once. */
  concurrency: number;
}

/**
 * The whole many-id round trip: de-duplicate the ids, ask nothing for none (several CATMAID
 * endpoints answer an empty list with 400 or 500), request the chunks under the policy, and merge
 * the per-chunk answers (`merge([])` gives the empty result).
 */
export async function fetchChunked<T, P, R>(
  ids: readonly T[],
  policy: ChunkPolicy,
  request: (chunk: T[], signal: AbortSignal) => Promise<P>,
  merge: (parts: readonly P[], ids: readonly T[]) => R,
  options: ChunkedOptions = {},
): Promise<R> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return merge([], unique);
  const parts = await runChunked(unique, policy.chunkSize, policy.concurrency, request, options);
  return merge(parts, unique);
}
