/**
 * The worker's work, as a pure function over injected effects (HTTP scope, cache, post) so it
 * can be unit-tested without a Worker: read the IndexedDB copies, fetch the rest in one batch
 * request (msgpack), decode, build geometry pieces, store, and post back with transfer.
 */
import { CatmaidError } from '../lib/http/errors.ts';
import type { ProjectScope } from '../api/scope.ts';
import { skeletonTransferables, type SkeletonDetail } from '../api/skeleton-detail.ts';
import { fetchSkeletonsBatch } from '../api/skeletons-batch.ts';
import { buildSkeletonPiece, pieceTransferables } from '../3d/geometry/skeleton-piece.ts';
import {
  cacheKey,
  type LoadedSkeleton,
  type LoadFailure,
  type LoadRequest,
  type WorkerReply,
} from './skeleton-protocol.ts';

export interface StoredSkeleton {
  detail: SkeletonDetail;
  savedAt: number;
}

export interface SkeletonCache {
  getMany(keys: string[]): Promise<(StoredSkeleton | undefined)[]>;
  /**
   * Stores the entries (they are the cache's own copies). May write later: the worker writes
   * only when no load is running, so persisting never competes with showing neurons.
   */
  setMany(entries: [string, StoredSkeleton][]): Promise<void>;
}

export interface LoadEnv {
  scope: ProjectScope;
  cache: SkeletonCache | null;
  post(reply: WorkerReply, transfer: ArrayBuffer[]): void;
  now(): number;
}

function toLoaded(detail: SkeletonDetail, source: LoadedSkeleton['source']): LoadedSkeleton {
  return { skeletonId: detail.skeletonId, detail, piece: buildSkeletonPiece(detail), source };
}

function transferablesOf(items: LoadedSkeleton[]): ArrayBuffer[] {
  return [
    ...new Set(
      items.flatMap((i) => [...skeletonTransferables(i.detail), ...pieceTransferables(i.piece)]),
    ),
  ];
}

export function describeFailure(skeletonId: number, e: unknown): LoadFailure {
  const status = e instanceof CatmaidError ? e.status : null;
  const raw = e instanceof Error ? e.message : String(e);
  const message =
    status === 404 ? `skeleton ${skeletonId} does not exist on the server (HTTP 404)` : raw;
  const withStatus = status !== null && status !== 404 ? `${message} (HTTP ${status})` : message;
  return { skeletonId, message: withStatus, status };
}

async function readCache(req: LoadRequest, env: LoadEnv): Promise<Map<number, SkeletonDetail>> {
  const hits = new Map<number, SkeletonDetail>();
  if (!env.cache || !req.useCache) return hits;
  try {
    const values = await env.cache.getMany(req.skeletonIds.map((id) => cacheKey(req, id)));
    values.forEach((v, i) => {
      const id = req.skeletonIds[i];
      if (v && id !== undefined && v.detail.skeletonId === id) hits.set(id, v.detail);
    });
  } catch {
    // An unusable cache (private mode, quota, old schema) only costs a refetch.
  }
  return hits;
}

export async function handleLoad(req: LoadRequest, env: LoadEnv): Promise<void> {
  const { requestId } = req;
  const hits = await readCache(req, env);
  if (hits.size > 0) {
    const items = [...hits.values()].map((d) => toLoaded(d, 'cache'));
    env.post({ type: 'loaded', requestId, items }, transferablesOf(items));
  }
  const missing = req.skeletonIds.filter((id) => !hits.has(id));
  if (missing.length > 0) {
    let items: LoadedSkeleton[] = [];
    const failures: LoadFailure[] = [];
    try {
      const result = await fetchSkeletonsBatch(env.scope, missing, req.flags, {
        chunkSize: missing.length,
        concurrency: 1,
      });
      items = [...result.skeletons.values()].map((d) => toLoaded(d, 'network'));
      for (const [id, e] of result.failed) failures.push(describeFailure(id, e));
    } catch (e) {
      for (const id of missing) failures.push(describeFailure(id, e));
    }
    if (failures.length > 0) env.post({ type: 'failed', requestId, failures }, []);
    if (items.length > 0) await storeAndPost(req, env, items);
  }
  env.post({ type: 'done', requestId }, []);
}

async function storeAndPost(req: LoadRequest, env: LoadEnv, items: LoadedSkeleton[]) {
  if (env.cache) {
    const savedAt = env.now();
    // The posted buffers are transferred (gone from this thread), so the cache keeps copies.
    const entries = items.map((i): [string, StoredSkeleton] => [
      cacheKey(req, i.skeletonId),
      { detail: structuredClone(i.detail), savedAt },
    ]);
    // A failed write (quota, private mode) only costs a refetch next time.
    env.cache.setMany(entries).catch(() => undefined);
  }
  env.post({ type: 'loaded', requestId: req.requestId, items }, transferablesOf(items));
}
