/**
 * Warming the shared cache ahead of the people who will look: `npm run cache -- warm` asks a
 * running dashboard server for the display forms of the skeletons a lab works on (ids, or every
 * neuron annotated with a name, sub-annotations included), exactly as the 3D view asks for them
 * (`POST /api/display/{pid}/skeletons` with the view's flags). The server then keeps, for each
 * skeleton, its display entry and its full compact-detail entry, so the next browser's scene, of
 * any size, is served without CATMAID building a skeleton (only the `skeletons/summary` freshness
 * check, once per burst of requests). Run at night (cron) so CATMAID pays while nobody traces.
 * The requests go in bursts of MAX_BURST_AHEAD skeletons, as the view's do (burst-editions.ts):
 * the server asks a burst's edition times once, not once per request.
 *
 * It goes through the server, not into the store: the server's CATMAID token, request limit
 * (CATMAID_CONCURRENCY), freshness check, write-behind and whichever store it uses (SQLite, Redis
 * behind a load balancer) all apply, and what is kept is byte for byte what the app asks for.
 * A few requests at a time (default 2), so colleagues working meanwhile keep most of the slots.
 */
import pLimit from 'p-limit';
import { fetchDisplayBatch } from '../../src/workers/display-fetch.ts';
import { MAX_BURST_AHEAD } from '../../src/workers/burst-params.ts';
import { newBurstId } from '../../src/workers/burst-id.ts';
import { queryTargetsEndpoint, decodeEntity } from '../../src/api/neuron-search.ts';
import { createCatmaidClient, type CatmaidClient } from '../../src/lib/http/client.ts';
import { HttpError, NetworkError } from '../../src/lib/http/errors.ts';
import { splitChunks } from '../../src/lib/http/chunked.ts';
import { SKELETON_CHUNK_SIZE } from '../../src/workers/skeleton-load-limits.ts';
import { VIEWER_FLAGS } from '../../src/views/viewer3d/viewer-flags.ts';

export interface WarmOptions {
  /** The dashboard server, e.g. `http://127.0.0.1:8080`. */
  server: string;
  projectId: number;
  skeletonIds?: readonly number[];
  /** Neurons annotated with any of these names (or with an annotation they annotate). */
  annotations?: readonly string[];
  /** Requests to the dashboard server at once (default 2). */
  concurrency?: number;
  /** Skeletons per request (default the app's, SKELETON_CHUNK_SIZE). */
  chunkSize?: number;
  /** Extra attempts of a failed request (network errors and 5xx), default 3. */
  retries?: number;
  retryBaseMs?: number;
  fetchImpl?: typeof fetch;
  onProgress?(progress: WarmProgress): void;
}

export interface WarmProgress {
  done: number;
  total: number;
}

/** The dashboard server's GET /api/cache/stats (control.ts). */
export interface ServerCacheStats {
  backend: string;
  entries: number;
  bytes: number;
  maxBytes: number;
}

export interface WarmResult {
  /** Distinct skeletons asked for. */
  requested: number;
  /** Skeletons the server answered with a display form (now kept, or already kept). */
  warmed: number;
  /** Skeletons CATMAID does not have (left out of the answers). */
  missing: number[];
  /** Requests that failed after their retries, with the skeletons they carried. */
  failed: { skeletonIds: number[]; error: string }[];
  ms: number;
  /** The server's cache when the run ended (writes of the last answers may still follow). */
  cache: ServerCacheStats | null;
}

export class WarmInputError extends Error {}

/**
 * The server's cache, or null when it cannot tell (an older server without the stats route).
 * Throws when the server keeps no cache (CACHE=off): warming would only cost CATMAID.
 */
async function serverCache(
  base: string,
  fetchImpl: typeof fetch,
): Promise<ServerCacheStats | null> {
  let stats: ServerCacheStats;
  try {
    const res = await fetchImpl(`${base}/api/cache/stats`);
    if (res.status === 404) throw new WarmInputError(noCache(base));
    if (!res.ok) return null;
    stats = (await res.json()) as ServerCacheStats;
  } catch (e) {
    if (e instanceof WarmInputError) throw e;
    return null;
  }
  if (stats.backend === 'off') throw new WarmInputError(noCache(base));
  return stats;
}

const noCache = (base: string) =>
  `the dashboard server at ${base} keeps no skeleton cache (CACHE=off): nothing to warm`;

/**
 * A failure the next request would meet too, so the run stops at the first one: a refusal (no
 * display route on an older server, a rejected login, a project the server's token cannot read)
 * or a dashboard server that no longer answers at all (after the client's retries).
 */
function fatal(e: unknown): e is HttpError | NetworkError {
  if (e instanceof NetworkError) return true;
  return e instanceof HttpError && e.status >= 400 && e.status < 500 && e.status !== 429;
}

function clientFor(base: string, o: WarmOptions): CatmaidClient {
  return createCatmaidClient({
    baseUrl: base,
    retries: o.retries ?? 3,
    retryBaseMs: o.retryBaseMs ?? 500,
    // A cold batch of big neurons can keep CATMAID silent for a while.
    timeoutMs: 300_000,
    ...(o.fetchImpl ? { fetchImpl: o.fetchImpl } : {}),
  });
}

/** Skeleton ids of the neurons annotated with any of `names`, sub-annotations included. */
async function skeletonsAnnotatedWith(
  catmaid: CatmaidClient,
  server: string,
  projectId: number,
  names: readonly string[],
): Promise<number[]> {
  const scope = { client: catmaid, server, projectId };
  const wire = await queryTargetsEndpoint.fetch(scope, {
    annotatedWith: [[...names]],
    annotationReference: 'name',
    includeSubAnnotations: true,
    types: ['neuron'],
  });
  const ids = new Set<number>();
  wire.entities.forEach((raw, i) => {
    for (const id of decodeEntity(raw, i).skeletonIds) ids.add(id);
  });
  return [...ids];
}

export async function warmCache(o: WarmOptions): Promise<WarmResult> {
  const t0 = performance.now();
  const base = o.server.replace(/\/+$/, '');
  if (!Number.isInteger(o.projectId) || o.projectId <= 0)
    throw new WarmInputError(`not a project id: ${o.projectId}`);
  const wanted = new Set<number>();
  for (const id of o.skeletonIds ?? []) {
    if (!Number.isInteger(id) || id <= 0) throw new WarmInputError(`not a skeleton id: ${id}`);
    wanted.add(id);
  }
  const fetchImpl = o.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  await serverCache(base, fetchImpl);
  if ((o.annotations ?? []).length > 0) {
    const catmaid = clientFor(`${base}/api/catmaid`, o);
    const annotated = await skeletonsAnnotatedWith(catmaid, base, o.projectId, o.annotations ?? []);
    for (const id of annotated) wanted.add(id);
  }
  const ids = [...wanted];
  const dashboard = clientFor(`${base}/api`, o);
  const chunks = splitChunks(ids, o.chunkSize ?? SKELETON_CHUNK_SIZE);
  const result: WarmResult = {
    requested: ids.length,
    warmed: 0,
    missing: [],
    failed: [],
    ms: 0,
    cache: null,
  };
  // Each group of MAX_BURST_AHEAD skeletons is a burst: its requests name it and its others.
  const bursts = splitChunks(ids, MAX_BURST_AHEAD).map((group) => ({
    id: newBurstId(),
    ahead: group,
  }));
  const burstOf = new Map(bursts.flatMap((b) => b.ahead.map((id) => [id, b] as const)));
  let done = 0;
  let stop: HttpError | NetworkError | null = null;
  const warmChunk = async (chunk: number[]) => {
    if (stop) return;
    try {
      const burst = burstOf.get(chunk[0] ?? -1);
      const forms = await fetchDisplayBatch(dashboard, o.projectId, chunk, VIEWER_FLAGS, { burst });
      for (const id of chunk) {
        if (forms.has(id)) result.warmed++;
        else result.missing.push(id);
      }
    } catch (e) {
      if (fatal(e)) {
        stop = e;
        return;
      }
      result.failed.push({ skeletonIds: chunk, error: e instanceof Error ? e.message : String(e) });
    }
    done += chunk.length;
    o.onProgress?.({ done, total: ids.length });
  };
  const lanes = pLimit(Math.max(1, o.concurrency ?? 2));
  await Promise.all(chunks.map((chunk) => lanes(() => warmChunk(chunk))));
  if (stop) throw stop;
  result.missing.sort((a, b) => a - b);
  result.cache = await serverCache(base, fetchImpl);
  result.ms = Math.round(performance.now() - t0);
  return result;
}
