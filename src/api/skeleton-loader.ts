/**
 * "Cache per skeleton, batch on the wire": per-skeleton queries call `load(skid)`; ids asked
 * for within a short window go out together through the batch endpoint. Each caller keeps its
 * own AbortSignal: one cancelled query rejects alone, and the request is only aborted when every
 * query waiting on it has gone.
 */
import type { CatmaidClient } from '../lib/http/client.ts';
import type { ProjectScope } from './scope.ts';
import type { SkeletonDetail } from './skeleton-detail.ts';
import { fetchSkeletonsBatch } from './skeletons-batch.ts';
import { normalizeSkeletonFlags, type SkeletonFlags } from './skeleton-flags.ts';

export interface SkeletonLoader {
  load(skeletonId: number, signal?: AbortSignal): Promise<SkeletonDetail>;
}

export interface SkeletonLoaderOptions {
  /** How long to collect ids before sending (ms). */
  windowMs?: number;
  chunkSize?: number;
  concurrency?: number;
}

interface Waiter {
  resolve: (d: SkeletonDetail) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal | undefined;
  done: boolean;
}

export function createSkeletonLoader(
  scope: ProjectScope,
  flags: SkeletonFlags,
  { windowMs = 10, chunkSize = 50, concurrency = 3 }: SkeletonLoaderOptions = {},
): SkeletonLoader {
  let pending = new Map<number, Waiter[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function flush(): Promise<void> {
    const batch = pending;
    pending = new Map();
    timer = undefined;
    const controller = new AbortController();
    const waiters = [...batch.values()].flat();
    const abortIfAbandoned = () => {
      if (waiters.every((w) => w.done)) controller.abort();
    };
    for (const w of waiters) {
      w.signal?.addEventListener(
        'abort',
        () => {
          if (w.done) return;
          w.done = true;
          w.reject(w.signal?.reason);
          abortIfAbandoned();
        },
        { once: true },
      );
    }
    const settle = (id: number, fn: (w: Waiter) => void) => {
      for (const w of batch.get(id) ?? []) {
        if (w.done) continue;
        w.done = true;
        fn(w);
      }
    };
    try {
      const result = await fetchSkeletonsBatch(scope, [...batch.keys()], flags, {
        signal: controller.signal,
        chunkSize,
        concurrency,
      });
      for (const id of batch.keys()) {
        const detail = result.skeletons.get(id);
        const failure = result.failed.get(id) ?? new Error(`skeleton ${id} was not returned`);
        settle(id, (w) => (detail ? w.resolve(detail) : w.reject(failure)));
      }
    } catch (e) {
      for (const id of batch.keys()) settle(id, (w) => w.reject(e));
    }
  }

  return {
    load(skeletonId, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      return new Promise<SkeletonDetail>((resolve, reject) => {
        const list = pending.get(skeletonId) ?? [];
        list.push({ resolve, reject, signal, done: false });
        pending.set(skeletonId, list);
        timer ??= setTimeout(() => void flush(), windowMs);
      });
    },
  };
}

const loaders = new WeakMap<CatmaidClient, Map<string, SkeletonLoader>>();

/** The shared loader for a client, project and flag set (one batching window per combination). */
export function sharedSkeletonLoader(scope: ProjectScope, flags: SkeletonFlags): SkeletonLoader {
  const normalized = normalizeSkeletonFlags(flags);
  const key = `${scope.server}|${scope.projectId}|${JSON.stringify(normalized)}`;
  let byKey = loaders.get(scope.client);
  if (!byKey) {
    byKey = new Map();
    loaders.set(scope.client, byKey);
  }
  let loader = byKey.get(key);
  if (!loader) {
    loader = createSkeletonLoader(scope, normalized);
    byKey.set(key, loader);
  }
  return loader;
}
