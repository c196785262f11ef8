/**
 * How the app asks for skeletons, in one place so the benchmark's data floor (bench/floor.ts)
 * makes exactly the app's requests: skeletons per compact-detail request, the batching window,
 * the first short request, requests in flight and the number of workers.
 */

/** Skeletons per request; the server builds them sequentially, so keep it moderate. */
export const SKELETON_CHUNK_SIZE = 20;
/** Ids asked for within this many ms share a request. */
export const SKELETON_BATCH_WINDOW_MS = 15;
/** The first request of a burst is short, so the first neurons are drawn within a second. */
export const FIRST_CHUNK_SIZE = 4;
/** Requests at once per worker: a backstop, the pool's adaptive limit decides (adaptive-limit.ts). */
export const REQUESTS_PER_WORKER = 8;
/** Requests in flight when a load starts, before the adaptive limit has seen the server. */
export const INITIAL_REQUESTS_IN_FLIGHT = 4;

/** Workers for a machine with `cores` logical cores (one left for the main thread). */
export function skeletonWorkerCount(cores: number): number {
  return Math.min(Math.max(cores - 1, 2), 3);
}

/**
 * A selection of this many neurons or more is loaded display first (display-load.ts): at a
 * typical 10,000 nodes each that is 5 million nodes, past the coarse level's threshold
 * (viewer-engine.ts), where the display forms are the whole picture. Smaller neurons only cost
 * the display pass (a tenth of the bytes), and their full data follows at once.
 */
export const DISPLAY_FIRST_NEURONS = 500;
