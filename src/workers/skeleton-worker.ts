/// <reference lib="webworker" />
/**
 * Web Worker entry: a thin dispatcher over handleLoad. Fetches (through the one HTTP client),
 * decodes msgpack and compact-detail, builds geometry pieces and reads/writes the browser's
 * copies (OPFS segments, else IndexedDB: browser-skeleton-cache.ts; written once the worker is
 * idle), so the main thread only copies finished typed arrays into the scene buffers.
 */
import { createCatmaidClient, type CatmaidClient } from '../lib/http/client.ts';
import { handleLoad, type SkeletonCache } from './skeleton-load.ts';
import { handleDisplayLoad } from './display-load.ts';
import type { ReadDisplay } from '../3d/geometry/display-pack.ts';
import type { CopyStore } from './opfs-skeleton-cache.ts';
import { browserSkeletonCache } from './browser-skeleton-cache.ts';
import { summaryEditions } from './cache-validation.ts';
import { REQUESTS_PER_WORKER } from './skeleton-load-limits.ts';
import { isCancelRequest, isLoadRequest, type WorkerReply } from './skeleton-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const store = browserSkeletonCache();
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
/**
 * Bytes written per step (one OPFS segment, opfs-skeleton-cache.ts): a load that arrives
 * meanwhile waits for one step at most (tens of ms), and a reload opens few segments.
 */
const WRITE_STEP_BYTES = 16 * 2 ** 20;
let unwritten: [string, ArrayBuffer][] = [];
let writeTimer: ReturnType<typeof setTimeout> | undefined;
let writing = false;

const busy = () => active > 0 || queue.length > 0;

function writeWhenIdle(): void {
  clearTimeout(writeTimer);
  writeTimer = setTimeout(() => {
    if (busy() || writing) return; // the last job (or write) to finish schedules again
    writing = true;
    void (async () => {
      while (unwritten.length > 0 && !busy()) {
        let bytes = 0;
        let count = 0;
        while (count < unwritten.length && bytes < WRITE_STEP_BYTES) {
          bytes += unwritten[count]?.[1].byteLength ?? 0;
          count++;
        }
        const step = unwritten.splice(0, count);
        // A failed write (quota, private mode) drops the rest: it only costs a refetch.
        const written = await store.setMany(step).then(
          () => true,
          () => false,
        );
        if (!written) unwritten = [];
      }
      writing = false;
      if (unwritten.length > 0) writeWhenIdle();
      else collectNowAndThen();
    })();
  }, WRITE_WHEN_IDLE_MS);
}

/** Dead segments are looked for after writing (writes make them), at most once a minute. */
const COLLECT_EVERY_MS = 60_000;
let collectedAt = -Infinity;

function collectNowAndThen(): void {
  if (Date.now() - collectedAt < COLLECT_EVERY_MS) return;
  collectedAt = Date.now();
  void store.collect();
}

const cache: SkeletonCache = {
  getMany: (keys) => store.getMany(keys),
  setMany: (entries) => {
    unwritten.push(...entries);
    writeWhenIdle();
    return Promise.resolve();
  },
};

/** Display copies: read from the store, written like skeleton copies (when idle). */
const displays: CopyStore<ReadDisplay> = {
  getMany: (keys) => store.getDisplays(keys),
  setMany: cache.setMany,
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
      if (req.displayBaseUrl !== undefined) {
        await handleDisplayLoad(req, {
          dashboard: clientFor(req.displayBaseUrl, req.timeoutMs),
          cache: displays,
          editionSource: summaryEditions(scope),
          signal: controller.signal,
          post,
        });
        return;
      }
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
