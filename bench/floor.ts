/**
 * The data floor: how long merely downloading and decoding the 3D view's skeletons takes, with
 * the app's own requests (same flags, skeletons per request and initial requests in flight: imported
 * from the app, not copied), fetched in Node straight from the CATMAID (demo) server and decoded
 * by the app's decoder, with nothing drawn. The app's cold first complete frame is compared with
 * it: the closer to 1, the less the browser adds to what the server and the wire cost anyway.
 */
import { fetchSkeletonsBatch } from '../src/api/skeletons-batch.ts';
import { createCatmaidClient } from '../src/lib/http/client.ts';
import { VIEWER_FLAGS } from '../src/views/viewer3d/viewer-flags.ts';
import {
  INITIAL_REQUESTS_IN_FLIGHT,
  SKELETON_CHUNK_SIZE,
} from '../src/workers/skeleton-load-limits.ts';

export interface FloorResult {
  neurons: number;
  nodes: number;
  failed: number;
  ms: number;
  megabytes: number;
  requests: number;
  concurrency: number;
  /** Distinct causes of failed skeletons (after the client's retries). */
  errors: string[];
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
  // The app adapts its requests in flight to the server, starting here (adaptive-limit.ts); the
  // demo server models a CATMAID with DEMO_WORKERS (default 4) processes, so more would queue.
  const concurrency = INITIAL_REQUESTS_IN_FLIGHT;
  const t0 = performance.now();
  const result = await fetchSkeletonsBatch(
    { client, server: catmaidUrl, projectId },
    ids,
    VIEWER_FLAGS,
    { chunkSize: SKELETON_CHUNK_SIZE, concurrency },
  );
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
    concurrency,
    errors: [...new Set([...result.failed.values()].map((e) => e.message))].slice(0, 5),
  };
}
