/**
 * The data floor: how long merely downloading and decoding the 3D view's skeletons takes, with
 * the app's own requests (same flags, skeletons per request, and the same adaptive limit on
 * requests in flight, freed when the server answers: imported from the app, not copied), fetched
 * in Node straight from the CATMAID (demo) server and decoded by the app's decoder, with nothing
 * drawn. The app's cold first complete frame is compared with it: the closer to 1, the less the
 * browser adds to what the server and the wire cost anyway.
 */
import { fetchSkeletonsBatch, type SkeletonBatchResult } from '../src/api/skeletons-batch.ts';
import { splitChunks } from '../src/lib/http/chunked.ts';
import { createCatmaidClient } from '../src/lib/http/client.ts';
import { TimeoutError } from '../src/lib/http/errors.ts';
import { VIEWER_FLAGS } from '../src/views/viewer3d/viewer-flags.ts';
import { createAdaptiveLimit } from '../src/workers/adaptive-limit.ts';
import { serverTimer } from '../src/workers/answered-once.ts';
import { isTransient } from '../src/workers/load-retry.ts';
import { SKELETON_CHUNK_SIZE } from '../src/workers/skeleton-load-limits.ts';

export interface FloorResult {
  neurons: number;
  nodes: number;
  failed: number;
  ms: number;
  megabytes: number;
  requests: number;
  /** The most requests in flight at once (the adaptive limit's peak). */
  concurrency: number;
  /** Distinct causes of failed skeletons (after the client's retries). */
  errors: string[];
}

type Scope = Parameters<typeof fetchSkeletonsBatch>[0];

/**
 * The app's request policy without the browser (skeleton-pool.ts): chunks go out while fewer
 * than the adaptive limit are unanswered, and each answer's server time (until its headers) and
 * nodes are recorded by the limit, as the app's workers do.
 */
async function fetchAdaptively(
  scope: Scope,
  ids: readonly number[],
): Promise<{ result: SkeletonBatchResult; peak: number }> {
  const limit = createAdaptiveLimit({ now: () => performance.now() });
  const chunks = splitChunks(ids, SKELETON_CHUNK_SIZE);
  const result: SkeletonBatchResult = { skeletons: new Map(), failed: new Map() };
  let next = 0;
  let unanswered = 0;
  let running = 0;
  let peak = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      while (unanswered < limit.current && next < chunks.length) {
        const chunk = chunks[next++] ?? [];
        unanswered++;
        running++;
        peak = Math.max(peak, unanswered);
        // The slot is free once the server answered (or the request ended without an answer).
        const timer = serverTimer(() => {
          unanswered--;
          pump();
        });
        fetchSkeletonsBatch(scope, chunk, VIEWER_FLAGS, {
          chunkSize: chunk.length,
          concurrency: 1,
          onAnswered: timer.onAnswered,
        }).then((r) => {
          const ms = timer.ms();
          timer.onAnswered();
          running--;
          let nodes = 0;
          for (const [id, d] of r.skeletons) {
            result.skeletons.set(id, d);
            nodes += d.nodeCount;
          }
          let overloaded = false;
          for (const [id, e] of r.failed) {
            result.failed.set(id, e);
            if (isTransient(e) || e instanceof TimeoutError) overloaded = true;
          }
          limit.record({ ms, nodes, overloaded });
          if (running === 0 && next >= chunks.length) resolve();
          else pump();
        }, reject);
      }
    };
    pump();
    if (chunks.length === 0) resolve();
  });
  return { result, peak };
}

export async function dataFloor(
  catmaidUrl: string,
  projectId: number,
  ids: readonly number[],
): Promise<FloorResult> {
  let bytes = 0;
  let requests = 0;
  const client = createCatmaidClient({
    baseUrl: catmaidUrl,
    // The client's default retries of network errors and 5xx: the app retries failed batches too.
    fetchImpl: async (input, init) => {
      const res = await fetch(input, init);
      requests++;
      bytes += Number(res.headers.get('content-length') ?? 0);
      return res;
    },
  });
  const t0 = performance.now();
  const { result, peak } = await fetchAdaptively({ client, server: catmaidUrl, projectId }, [
    ...new Set(ids),
  ]);
  const ms = performance.now() - t0;
  let nodes = 0;
  for (const d of result.skeletons.values()) nodes += d.nodeCount;
  return {
    neurons: result.skeletons.size,
    nodes,
    failed: result.failed.size,
    ms: Math.round(ms),
    megabytes: Math.round((bytes / 2 ** 20) * 10) / 10,
    requests,
    concurrency: peak,
    errors: [...new Set([...result.failed.values()].map((e) => e.message))].slice(0, 5),
  };
}
