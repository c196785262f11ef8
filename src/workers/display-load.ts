/**
 * The worker's display-first load (issue 14), as a pure function over injected effects like
 * handleLoad (skeleton-load.ts): the browser's display copies first, checked against CATMAID's
 * edition times, then one request to the dashboard server for the rest. No retries and no
 * bisecting here: whatever fails or is absent is answered `failed`, and the page loads those
 * skeletons the ordinary way, which retries, heals and reports CATMAID's own errors.
 */
import { isAbortError, CatmaidError, HttpError, TimeoutError } from '../lib/http/errors.ts';
import type { CatmaidClient } from '../lib/http/client.ts';
import { displayTransferables } from '../3d/geometry/display-piece.ts';
import type { ReadDisplay } from '../3d/geometry/display-pack.ts';
import { judgeCopies, type EditionSource } from './cache-validation.ts';
import { DISPLAY_KEY_PREFIX, wrapDisplayCopy } from './display-copy.ts';
import { answeredOnce, serverTimer } from './answered-once.ts';
import { burstOfLoad } from './burst-params.ts';
import { fetchDisplayBatch } from './display-fetch.ts';
import { copiesById } from './copies-by-id.ts';
import { isTransient } from './load-retry.ts';
import type { CopyStore } from './opfs-skeleton-cache.ts';
import type { LoadedDisplay, LoadFailure, LoadRequest, WorkerReply } from './skeleton-protocol.ts';

export interface DisplayEnv {
  dashboard: CatmaidClient;
  cache: CopyStore<ReadDisplay> | null;
  post(reply: WorkerReply, transfer: ArrayBuffer[]): void;
  signal?: AbortSignal;
  editionSource?: EditionSource;
}

export function displayKey(req: Pick<LoadRequest, 'server' | 'projectId' | 'flags'>, id: number) {
  return `${DISPLAY_KEY_PREFIX}${req.server}|${req.projectId}|${id}|${JSON.stringify(req.flags)}`;
}

function transfersOf(items: LoadedDisplay[]): ArrayBuffer[] {
  return [...new Set(items.flatMap((i) => displayTransferables(i.display)))];
}

function readCopies(req: LoadRequest, env: DisplayEnv): Promise<Map<number, ReadDisplay>> {
  return copiesById(
    req,
    env.cache,
    (id) => displayKey(req, id),
    (c) => c.piece.skeletonId,
  );
}

/** The copies still current in CATMAID; none when it cannot be asked (they are fetched). */
async function freshCopies(
  hits: Map<number, ReadDisplay>,
  env: DisplayEnv,
): Promise<ReadDisplay[]> {
  if (hits.size === 0) return [];
  if (!env.editionSource) return [...hits.values()];
  let editions;
  try {
    editions = await env.editionSource([...hits.keys()], env.signal);
  } catch (e) {
    if (isAbortError(e) || env.signal?.aborted) throw e;
    return [];
  }
  const verdict = judgeCopies(new Map([...hits].map(([id, h]) => [id, h.editedAt])), editions);
  return verdict.fresh.flatMap((id) => {
    const h = hits.get(id);
    return h ? [h] : [];
  });
}

function failuresOf(ids: readonly number[], e: unknown): LoadFailure[] {
  const status = e instanceof CatmaidError || e instanceof HttpError ? e.status : null;
  const why = e instanceof Error ? e.message : String(e);
  return ids.map((skeletonId) => ({
    skeletonId,
    message: `no display form for skeleton ${skeletonId}: ${why}`,
    status,
  }));
}

export async function handleDisplayLoad(req: LoadRequest, env: DisplayEnv): Promise<void> {
  const { requestId } = req;
  const done = () => env.post({ type: 'done', requestId }, []);
  if (env.signal?.aborted) return done();
  let fresh: ReadDisplay[];
  try {
    fresh = await freshCopies(await readCopies(req, env), env);
  } catch {
    return done(); // cancelled while checking
  }
  if (fresh.length > 0) {
    const items = fresh.map((r) => ({
      skeletonId: r.piece.skeletonId,
      display: r.piece,
      source: 'cache' as const,
    }));
    env.post({ type: 'displayed', requestId, items }, transfersOf(items));
  }
  const shown = new Set(fresh.map((r) => r.piece.skeletonId));
  const missing = req.skeletonIds.filter((id) => !shown.has(id));
  if (req.cacheOnly) {
    if (missing.length > 0) env.post({ type: 'missing', requestId, skeletonIds: missing }, []);
    return done();
  }
  if (missing.length === 0 || env.signal?.aborted) return done();
  // Display requests make CATMAID work too (the dashboard server fetches what it lacks): the
  // pool's request limit hears how long the server took, as for compact-detail.
  const timer = serverTimer(answeredOnce(env.post, requestId));
  const measured = (nodes: number, overloaded: boolean) =>
    env.post({ type: 'measured', requestId, ms: timer.ms(), nodes, overloaded }, []);
  try {
    const forms = await fetchDisplayBatch(env.dashboard, req.projectId, missing, req.flags, {
      signal: env.signal,
      onAnswered: timer.onAnswered,
      burst: burstOfLoad(req),
    });
    let nodes = 0;
    for (const form of forms.values()) nodes += form.piece.nodeCount;
    measured(nodes, false);
    const items: LoadedDisplay[] = [];
    const copies: [string, ArrayBuffer][] = [];
    for (const id of missing) {
      const form = forms.get(id);
      if (!form) continue;
      items.push({ skeletonId: id, display: form.piece, source: 'network' });
      // The copy is made before the views' buffer is transferred to the page.
      if (env.cache) {
        const key = displayKey(req, id);
        copies.push([key, wrapDisplayCopy(key, form.bytes)]);
      }
    }
    if (copies.length > 0) void env.cache?.setMany(copies).catch(() => undefined);
    if (items.length > 0) env.post({ type: 'displayed', requestId, items }, transfersOf(items));
    const absent = missing.filter((id) => !forms.has(id));
    if (absent.length > 0) {
      const failures = failuresOf(absent, new Error('not in the answer'));
      env.post({ type: 'failed', requestId, failures }, []);
    }
  } catch (e) {
    if (!env.signal?.aborted && !isAbortError(e)) {
      measured(0, isTransient(e) || e instanceof TimeoutError);
      env.post({ type: 'failed', requestId, failures: failuresOf(missing, e) }, []);
    }
  }
  done();
}
