/**
 * A lab's dashboard server asks CATMAID for at most `limit` skeleton data at once, for all its
 * browsers together. Each browser adapts its own request concurrency (it grows while latency
 * holds, to 7 or 8 for a lab-scale scene), so twenty colleagues opening scenes at once would
 * otherwise send CATMAID 150 heavy requests and take every worker process from the people
 * tracing in it. Requests over the limit wait here, first come first served; the browsers see
 * the wait as latency and stop growing. Cache hits never wait: only requests that go upstream
 * for compact-detail (forwarded, the cache's misses, the display route's fetch) take a slot.
 */
import pLimit from 'p-limit';

/** Waits at least this long before the server log mentions it. */
const LOGGED_WAIT_MS = 250;

export interface UpstreamGate {
  /**
   * Runs `work` (one request to CATMAID, settled once its answer is complete) in a free slot.
   * `label`: the request line, for the log line of a long wait.
   */
  run<T>(label: string, work: () => Promise<T>): Promise<T>;
  /** Requests holding a slot, and waiting for one. */
  active(): number;
  queued(): number;
}

export function upstreamGate(
  limit: number,
  log: (line: string) => void = (line) => console.log(line),
  now: () => number = () => performance.now(),
): UpstreamGate {
  const slots = pLimit(limit);
  return {
    run(label, work) {
      const asked = now();
      return slots(() => {
        const waited = Math.round(now() - asked);
        if (waited >= LOGGED_WAIT_MS)
          log(
            `[upstream] ${label} waited ${waited} ms for one of ${limit} CATMAID slots (${slots.pendingCount} still waiting)`,
          );
        return work();
      });
    },
    active: () => slots.activeCount,
    queued: () => slots.pendingCount,
  };
}
