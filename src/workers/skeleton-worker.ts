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
import { openSkeletonStore } from './skeleton-store.ts';
import { summaryEditions } from './cache-validation.ts';
import { createEditionMemo, type EditionMemo } from './edition-memo.ts';
import type { ProjectScope } from '../api/scope.ts';
import { createIdleCopyWriter } from './idle-copy-writer.ts';
import { REQUESTS_PER_WORKER } from './skeleton-load-limits.ts';
import {
  isCancelRequest,
  isLoadRequest,
  isWritesRequest,
  type WorkerReply,
} from './skeleton-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const store = browserSkeletonCache();
// The pool starts its workers before the first load (prewarm): the copy store is opened then.
openSkeletonStore();
const clients = new Map<string, CatmaidClient>();
/**
 * Requests at once per worker: a backstop only, the pool on the main thread decides how many
 * are in flight (adaptive-limit.ts) and spreads them over the workers.
 */
const MAX_ACTIVE = REQUESTS_PER_WORKER;
let active = 0;
const queue: (() => Promise<void>)[] = [];

const busy = () => active > 0 || queue.length > 0;
const writer = createIdleCopyWriter({
  busy,
  write: (step) => store.setMany(step),
  afterAll: () => collectNowAndThen(),
});

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
    writer.add(entries);
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

/** Edition times per CATMAID project, shared by the loads of a burst (edition-memo.ts). */
const memos = new Map<string, EditionMemo>();

function memoFor(scope: ProjectScope, baseUrl: string): EditionMemo {
  const key = `${baseUrl}|${scope.server}|${scope.projectId}`;
  let memo = memos.get(key);
  if (!memo) {
    memo = createEditionMemo(summaryEditions(scope), () => performance.now());
    memos.set(key, memo);
  }
  return memo;
}

function pump(): void {
  while (active < MAX_ACTIVE) {
    const job = queue.shift();
    if (!job) return;
    active++;
    void job().finally(() => {
      active--;
      pump();
      writer.poke();
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
  if (isWritesRequest(msg)) {
    writer.setHeld(msg.held);
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
      const editions = memoFor(scope, req.baseUrl).source(req.ahead ?? []);
      if (req.displayBaseUrl !== undefined) {
        await handleDisplayLoad(req, {
          dashboard: clientFor(req.displayBaseUrl, req.timeoutMs),
          cache: displays,
          editionSource: editions,
          signal: controller.signal,
          post,
        });
        return;
      }
      await handleLoad(req, {
        signal: controller.signal,
        scope,
        cache,
        editionSource: editions,
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
