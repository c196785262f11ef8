/**
 * The worker's work, as a pure function over injected effects (HTTP scope, cache, post) so it
 * can be unit-tested without a Worker: read the browser's copies (OPFS or IndexedDB), fetch the
 * rest in one batch request (msgpack), retrying transient failures (load-retry.ts), decode,
 * build geometry pieces, store, and post back with transfer.
 */
import { CatmaidError, HttpError, TimeoutError, isAbortError } from '../lib/http/errors.ts';
import type { ProjectScope } from '../api/scope.ts';
import { skeletonTransferables, type SkeletonDetail } from '../api/skeleton-detail.ts';
import { fetchSkeletonsBatch } from '../api/skeletons-batch.ts';
import { buildSkeletonPiece, pieceTransferables } from '../3d/geometry/skeleton-piece.ts';
import {
  DEFAULT_RETRY,
  backoffMs,
  describeCause,
  eachLimited,
  isTransient,
  type RetryPolicy,
} from './load-retry.ts';
import {
  cacheKey,
  type LoadedSkeleton,
  type LoadFailure,
  type LoadRequest,
  type WorkerReply,
} from './skeleton-protocol.ts';
import { abortableSleep } from '../lib/abortable-sleep.ts';
import { goneMessage, judgeCopies, type Editions, type EditionSource } from './cache-validation.ts';
import { packSkeleton, stampEdition } from './skeleton-pack.ts';
import { answeredOnce, serverTimer } from './answered-once.ts';
import { burstOfLoad, burstParams } from './burst-params.ts';
import { copiesById } from './copies-by-id.ts';
import type { StoredSkeleton } from './skeleton-pack-format.ts';

export type { StoredSkeleton };

export interface SkeletonCache {
  /** The copies (views over the bytes read), undefined for a miss or an unusable copy. */
  getMany(keys: string[]): Promise<(StoredSkeleton | undefined)[]>;
  /**
   * Stores packed copies (skeleton-pack.ts, each packed under its key). May write later: the
   * worker writes only when no load is running, so persisting never competes with showing
   * neurons.
   */
  setMany(entries: [string, ArrayBuffer][]): Promise<void>;
}

export interface LoadEnv {
  scope: ProjectScope;
  cache: SkeletonCache | null;
  post(reply: WorkerReply, transfer: ArrayBuffer[]): void;
  now(): number;
  /** Aborted when the pool cancels this load: stops the fetch and any retry wait. */
  signal?: AbortSignal;
  retry?: RetryPolicy;
  /** Injectable for tests (no real waiting) and deterministic jitter. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  random?(): number;
  /** Edition times from CATMAID: cached copies are checked against them before use. */
  editionSource?: EditionSource;
}

/** One load's environment plus the edition times to store with what it fetches. */
interface RunEnv extends LoadEnv {
  known: Promise<Editions | null>;
  /** The server answered one of this load's requests (answered-once.ts). */
  answered: () => void;
}

function toLoaded(detail: SkeletonDetail, source: LoadedSkeleton['source']): LoadedSkeleton {
  return { skeletonId: detail.skeletonId, detail, piece: buildSkeletonPiece(detail), source };
}

function fromCopy({ detail, piece }: StoredSkeleton): LoadedSkeleton {
  return {
    skeletonId: detail.skeletonId,
    detail,
    piece: buildSkeletonPiece(detail, piece),
    source: 'cache',
  };
}

function transferablesOf(items: LoadedSkeleton[]): ArrayBuffer[] {
  return [
    ...new Set(
      items.flatMap((i) => [...skeletonTransferables(i.detail), ...pieceTransferables(i.piece)]),
    ),
  ];
}

function describeFailure(skeletonId: number, e: unknown, attempts = 1): LoadFailure {
  const status = e instanceof CatmaidError || e instanceof HttpError ? e.status : null;
  return { skeletonId, message: describeCause(skeletonId, e, attempts), status };
}

function readCache(req: LoadRequest, env: LoadEnv): Promise<Map<number, StoredSkeleton>> {
  return copiesById(
    req,
    env.cache,
    (id) => cacheKey(req, id),
    (c) => c.detail.skeletonId,
  );
}

interface Checked {
  fresh: StoredSkeleton[];
  gone: number[];
  /** Edition times the check learnt (reused for the copies refetched now). */
  editions: Editions | null;
}

/** Which cached copies may be shown: all without an edition source (tests, old callers). */
type Asked = { editions: Editions } | { error: unknown };

/**
 * The edition times of every id of the chunk, asked at once while the copies are being read (the
 * round trip overlaps the read; the ids that turn out missing need them to be stored anyway).
 */
function askEditions(req: LoadRequest, env: LoadEnv): Promise<Asked> | null {
  if (!env.editionSource || !env.cache || !req.useCache) return null;
  return env.editionSource(req.skeletonIds, env.signal).then(
    (editions) => ({ editions }),
    (error: unknown) => ({ error }),
  );
}

async function checkCopies(
  hits: Map<number, StoredSkeleton>,
  asked: Promise<Asked> | null,
  env: LoadEnv,
): Promise<Checked> {
  const all = () => [...hits.values()];
  if (!asked) return { fresh: all(), gone: [], editions: null };
  // Nothing cached: the fetch must not wait for the check (the answer is used when storing).
  if (hits.size === 0) return { fresh: [], gone: [], editions: null };
  const answer = await asked;
  if ('error' in answer) {
    if (isAbortError(answer.error) || env.signal?.aborted) throw answer.error;
    // Unchecked copies are never shown: they are all fetched again (which heals or reports).
    return { fresh: [], gone: [], editions: null };
  }
  const { editions } = answer;
  const verdict = judgeCopies(new Map([...hits].map(([id, h]) => [id, h.editedAt])), editions);
  const fresh = verdict.fresh.flatMap((id) => {
    const h = hits.get(id);
    return h ? [h] : [];
  });
  return { fresh, gone: verdict.gone, editions };
}

export async function handleLoad(req: LoadRequest, env: LoadEnv): Promise<void> {
  const { requestId } = req;
  if (env.signal?.aborted) {
    env.post({ type: 'done', requestId }, []);
    return;
  }
  const asked = askEditions(req, env);
  const hits = await readCache(req, env);
  let checked: Checked;
  try {
    checked = await checkCopies(hits, asked, env);
  } catch {
    env.post({ type: 'done', requestId }, []); // cancelled while checking
    return;
  }
  if (checked.fresh.length > 0) {
    const items = checked.fresh.map(fromCopy);
    env.post({ type: 'loaded', requestId, items }, transferablesOf(items));
  }
  if (checked.gone.length > 0) {
    const failures = checked.gone.map((skeletonId) => ({
      skeletonId,
      message: goneMessage(skeletonId),
      status: 404,
    }));
    env.post({ type: 'failed', requestId, failures }, []);
  }
  const settled = new Set([...checked.fresh.map((c) => c.detail.skeletonId), ...checked.gone]);
  const missing = req.skeletonIds.filter((id) => !settled.has(id));
  if (req.cacheOnly) {
    if (missing.length > 0) env.post({ type: 'missing', requestId, skeletonIds: missing }, []);
    env.post({ type: 'done', requestId }, []);
    return;
  }
  if (missing.length > 0 && !env.signal?.aborted) {
    const known =
      hits.size === 0 && asked
        ? asked.then((a) => ('editions' in a ? a.editions : null))
        : editionsFor(missing, checked.editions, env);
    const run: RunEnv = { ...env, known, answered: answeredOnce(env.post, requestId) };
    try {
      await fetchHealing(req, run, missing);
    } catch (e) {
      // Cancelled: the pool has already settled its callers; anything else is reported.
      if (!env.signal?.aborted && !isAbortError(e)) {
        const failures = missing.map((id) => describeFailure(id, e));
        env.post({ type: 'failed', requestId, failures }, []);
      }
    }
  }
  env.post({ type: 'done', requestId }, []);
}

/**
 * Edition times to store with the copies fetched now: those the check learnt, the others asked
 * before the compact-detail request goes out (see cache-validation.ts). null: store without.
 */
function editionsFor(
  ids: number[],
  learnt: Editions | null,
  env: LoadEnv,
): Promise<Editions | null> {
  if (!env.cache || !env.editionSource) return Promise.resolve(null);
  const ask = learnt ? ids.filter((id) => !learnt.has(id)) : ids;
  if (ask.length === 0) return Promise.resolve(learnt);
  return env.editionSource(ask, env.signal).then(
    (asked) => new Map([...(learnt ?? []), ...asked]),
    () => learnt,
  );
}

/**
 * One attempt for `ids`: posts what arrived and what failed for good, and returns the ids to try
 * again: `retry` after a transient failure (5xx, reset), `split` when a batch timed out (a slow
 * answer is not retried as it was: it is split into smaller work, convention of isRetryable).
 */
async function attempt(
  req: LoadRequest,
  env: RunEnv,
  ids: readonly number[],
  attempts: number,
  lastTry: boolean,
): Promise<{ retry: number[]; split: number[] }> {
  const retry: number[] = [];
  const split: number[] = [];
  const failures: LoadFailure[] = [];
  // The server's time is until it answered: decoding here is no work of the server's, and
  // counted in, a browser busy drawing made every answer look slow and the limit stop growing.
  const timer = serverTimer(env.answered);
  // The load's burst goes with its requests: the dashboard server asks CATMAID's edition times
  // once for all of the burst's, not once per request (burst-params.ts).
  const burst = burstOfLoad(req);
  const result = await fetchSkeletonsBatch(env.scope, ids, req.flags, {
    chunkSize: ids.length,
    concurrency: 1,
    signal: env.signal,
    onAnswered: timer.onAnswered,
    extraFields: burst && ((some) => burstParams(burst, some)),
  });
  let overloaded = false;
  let nodes = 0;
  for (const d of result.skeletons.values()) nodes += d.nodeCount;
  for (const [, e] of result.failed) {
    if (isTransient(e) || e instanceof TimeoutError) overloaded = true;
  }
  if (!env.signal?.aborted) {
    const ms = timer.ms();
    env.post({ type: 'measured', requestId: req.requestId, ms, nodes, overloaded }, []);
  }
  for (const [id, e] of result.failed) {
    if (isAbortError(e) || env.signal?.aborted) throw e;
    if (lastTry) failures.push(describeFailure(id, e, attempts));
    else if (isTransient(e)) retry.push(id);
    else if (e instanceof TimeoutError && ids.length > 1) split.push(id);
    else failures.push(describeFailure(id, e, attempts));
  }
  if (failures.length > 0) env.post({ type: 'failed', requestId: req.requestId, failures }, []);
  const items = [...result.skeletons.values()].map((d) => toLoaded(d, 'network'));
  if (items.length > 0) await storeAndPost(req, env, items);
  return { retry, split };
}

/** Batch attempts with backoff, then the leftovers one by one (see load-retry.ts). */
async function fetchHealing(req: LoadRequest, env: RunEnv, missing: number[]): Promise<void> {
  const policy = env.retry ?? DEFAULT_RETRY;
  const random = env.random ?? Math.random;
  const sleep = env.sleep ?? abortableSleep;
  const single = missing.length === 1;
  // A lone skeleton has no batch-mates to protect: it gets the single-skeleton attempts only.
  const batchAttempts = single ? policy.singleAttempts : policy.batchAttempts;
  let todo = missing;
  const timedOut: number[] = [];
  for (let n = 0; n < batchAttempts && todo.length > 0; n++) {
    if (n > 0) await sleep(backoffMs(n - 1, policy, random), env.signal);
    const last = single && n === batchAttempts - 1;
    const next = await attempt(req, env, todo, n + 1, last);
    todo = next.retry;
    timedOut.push(...next.split);
  }
  const singles = single ? [] : [...todo, ...timedOut];
  await eachLimited(singles, policy.singleConcurrency, async (id) => {
    for (let n = 0; n < policy.singleAttempts; n++) {
      await sleep(backoffMs(n, policy, random), env.signal);
      const last = n === policy.singleAttempts - 1;
      const left = await attempt(req, env, [id], policy.batchAttempts + n + 1, last);
      if (left.retry.length === 0) return;
    }
  });
}

async function storeAndPost(req: LoadRequest, env: RunEnv, items: LoadedSkeleton[]) {
  const cache = env.cache;
  if (cache) {
    const savedAt = env.now();
    // The posted buffers are transferred (gone from this thread): packing is the cache's copy.
    const copies = items.map(({ skeletonId, detail, piece }) => {
      const key = cacheKey(req, skeletonId);
      const { strahler, lodEdges, coarseEdges } = piece;
      const packed = packSkeleton(key, {
        detail,
        savedAt,
        piece: { strahler, lodEdges, coarseEdges },
      });
      return { skeletonId, entry: [key, packed] as [string, ArrayBuffer] };
    });
    // Stored once the edition times are known; a failed write (quota, private mode) only costs
    // a refetch next time.
    void env.known
      .then((editions) => {
        for (const c of copies) stampEdition(c.entry[1], editions?.get(c.skeletonId));
        return cache.setMany(copies.map((c) => c.entry));
      })
      .catch(() => undefined);
  }
  env.post({ type: 'loaded', requestId: req.requestId, items }, transferablesOf(items));
}
