/// <reference lib="webworker" />
/**
 * Web Worker entry: a thin dispatcher over handleLoad. Fetches (through the one HTTP client),
 * decodes msgpack and compact-detail, builds geometry pieces and reads/writes the IndexedDB
 * cache (written once the worker is idle), so the main thread only copies finished typed arrays
 * into the scene buffers.
 */
import { getMany, promisifyRequest } from 'idb-keyval';
import { createCatmaidClient, type CatmaidClient } from '../lib/http/client.ts';
import { handleLoad, type SkeletonCache, type StoredSkeleton } from './skeleton-load.ts';
import { summaryEditions } from './cache-validation.ts';
import { REQUESTS_PER_WORKER } from './skeleton-load-limits.ts';
import { skeletonStore } from './skeleton-store.ts';
import { isCancelRequest, isLoadRequest, type WorkerReply } from './skeleton-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const store = skeletonStore();
const clients = new Map<string, CatmaidClient>();
/**
 * Requests at once per worker: a backstop only, the pool on the main thread decides how many
 * are in flight (adaptive-limit.ts) and spreads them over the workers.
 */
const MAX_ACTIVE = REQUESTS_PER_WORKER;
let active = 0;
const queue: (() => Promise<void>)[] = [];

/** Writes wait until no load has run for this long (see SkeletonCache.setMany). */
const WRITE_WHEN_IDLE_MS = 500;
let unwritten: [string, StoredSkeleton][] = [];
let writeTimer: ReturnType<typeof setTimeout> | undefined;

function writeWhenIdle(): void {
  clearTimeout(writeTimer);
  writeTimer = setTimeout(() => {
    if (active > 0 || queue.length > 0) return; // the last job to finish schedules again
    const entries = unwritten;
    unwritten = [];
    store('readwrite', (s) => {
      for (const [key, value] of entries) s.put(value, key);
      return promisifyRequest(s.transaction);
    }).catch(() => undefined);
  }, WRITE_WHEN_IDLE_MS);
}

const cache: SkeletonCache = {
  getMany: (keys) => getMany<StoredSkeleton>(keys, store),
  setMany: (entries) => {
    unwritten.push(...entries);
    writeWhenIdle();
    return Promise.resolve();
  },
};

function clientFor(baseUrl: string, timeoutMs: number): CatmaidClient {
  const key = `${baseUrl}|${timeoutMs}`;
  let c = clients.get(key);
  if (!c) {
    // No retries in the client: handleLoad retries per batch, then per skeleton (load-retry.ts);
    // retrying at both levels would multiply the attempts and the waits.
    c = createCatmaidClient({
      baseUrl: new URL(baseUrl, self.location.origin).href,
      timeoutMs,
      retries: 0,
    });
    clients.set(key, c);
  }
  return c;
}

function pump(): void {
  while (active < MAX_ACTIVE) {
    const job = queue.shift();
    if (!job) return;
    active++;
    void job().finally(() => {
      active--;
      pump();
      if (unwritten.length > 0) writeWhenIdle();
    });
  }
}

/** Loads queued or running, so a `cancel` can abort them. */
const controllers = new Map<number, AbortController>();

self.onmessage = (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (isCancelRequest(msg)) {
    controllers.get(msg.requestId)?.abort(new DOMException('load cancelled', 'AbortError'));
    return;
  }
  const req = msg;
  if (!isLoadRequest(req)) return;
  const post = (reply: WorkerReply, transfer: ArrayBuffer[]) => self.postMessage(reply, transfer);
  const controller = new AbortController();
  controllers.set(req.requestId, controller);
  queue.push(async () => {
    try {
      // A load cancelled while queued ends at once (handleLoad posts only `done`).
      const scope = {
        client: clientFor(req.baseUrl, req.timeoutMs),
        server: req.server,
        projectId: req.projectId,
      };
      await handleLoad(req, {
        signal: controller.signal,
        scope,
        cache,
        editionSource: summaryEditions(scope),
        post,
        now: () => Date.now(),
      });
    } catch (e) {
      // handleLoad reports per-skeleton failures itself; this is a last resort.
      const message = e instanceof Error ? e.message : String(e);
      const failures = req.skeletonIds.map((skeletonId) => ({ skeletonId, message, status: null }));
      post({ type: 'failed', requestId: req.requestId, failures }, []);
      post({ type: 'done', requestId: req.requestId }, []);
    } finally {
      controllers.delete(req.requestId);
    }
  });
  pump();
};
