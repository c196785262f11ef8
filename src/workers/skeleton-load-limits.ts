/**
 * How the app asks for skeletons, in one place so the benchmark's data floor (bench/floor.ts)
 * makes exactly the app's requests: skeletons per compact-detail request, the batching window,
 * requests per worker and the number of workers.
 */

/** Skeletons per request; the server builds them sequentially, so keep it moderate. */
export const SKELETON_CHUNK_SIZE = 20;
/** Ids asked for within this many ms share a request. */
export const SKELETON_BATCH_WINDOW_MS = 15;
/** Requests at once per worker; the pool spreads chunks over workers. */
export const REQUESTS_PER_WORKER = 2;

/** Workers for a machine with `cores` logical cores (one left for the main thread). */
export function skeletonWorkerCount(cores: number): number {
  return Math.min(Math.max(cores - 1, 2), 3);
}
