/**
 * How many compact-detail requests the pool keeps in flight, adapted to the server (AIMD, as
 * TCP and Netflix's concurrency-limits do it): one more after each full round of requests that
 * came back fast and clean, half as many after a 5xx, a reset or a timeout (at most once per
 * round, so one burst of failures counts once), and no growth while answers slow down (the server
 * is queueing: more requests would only wait longer). A busy CATMAID serves each request with
 * one worker process; asking for more at once than it has free only moves the queue there.
 *
 * Latency is judged per node, since batches differ in size: a request's time divided by the
 * nodes it brought (floored, so small batches do not look slow), smoothed, against the best
 * smoothed value seen (the server unloaded).
 */
import { INITIAL_REQUESTS_IN_FLIGHT } from './skeleton-load-limits.ts';

export interface LimitOptions {
  initial?: number;
  min?: number;
  max?: number;
  /** Grow only while smoothed latency stays within this factor of the best seen. */
  tolerance?: number;
  now(): number;
}

export interface RequestOutcome {
  /** Wall time of the network request, ms. */
  ms: number;
  /** Nodes it brought back. */
  nodes: number;
  /** A 5xx, reset, truncation or timeout happened: the server is struggling. */
  overloaded: boolean;
}

export interface AdaptiveLimit {
  readonly current: number;
  record(outcome: RequestOutcome): void;
}

/** Below this many nodes a request costs about the same (round trip, fixed server work). */
const NODE_FLOOR = 5000;
/** Weight of the newest sample in the smoothed latency. */
const SMOOTHING = 0.3;

export function createAdaptiveLimit(o: LimitOptions): AdaptiveLimit {
  const min = Math.max(1, o.min ?? 2);
  const max = Math.max(min, o.max ?? 16);
  const tolerance = o.tolerance ?? 1.5;
  let limit = Math.min(max, Math.max(min, o.initial ?? INITIAL_REQUESTS_IN_FLIGHT));
  let smoothed: number | null = null;
  let best = Infinity;
  let cleanInRound = 0;
  /** No second decrease before the requests in flight at the first one have come back. */
  let quietUntil = -Infinity;
  let lastMs = 0;

  return {
    get current() {
      return limit;
    },
    record({ ms, nodes, overloaded }) {
      const t = o.now();
      lastMs = ms;
      if (overloaded) {
        cleanInRound = 0;
        if (t >= quietUntil) {
          limit = Math.max(min, Math.floor(limit / 2));
          quietUntil = t + Math.max(lastMs, 1);
        }
        return;
      }
      const perNode = ms / Math.max(nodes, NODE_FLOOR);
      smoothed = smoothed === null ? perNode : smoothed + SMOOTHING * (perNode - smoothed);
      best = Math.min(best, smoothed);
      if (smoothed > best * tolerance) {
        cleanInRound = 0; // the server is queueing: hold
        return;
      }
      if (++cleanInRound >= limit) {
        cleanInRound = 0;
        limit = Math.min(max, limit + 1);
      }
    },
  };
}
