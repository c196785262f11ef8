/**
 * How the skeleton worker heals transient failures: a failed batch is retried with exponential
 * backoff and jitter, and if it keeps failing it is split into single skeletons, each retried the
 * same way, so one bad skeleton cannot sink its batch-mates. Only transient errors (network
 * resets, 5xx) are retried: a 4xx or a malformed answer would fail the same way again.
 */
import {
  CatmaidError,
  HttpError,
  InvalidJsonError,
  NetworkError,
  SchemaError,
  TimeoutError,
  TruncatedError,
  isRetryable,
} from '../lib/http/errors.ts';

export interface RetryPolicy {
  /** Attempts for a whole batch (the first one included) before it is split. */
  batchAttempts: number;
  /** Attempts for each single skeleton of a split batch. */
  singleAttempts: number;
  /** First retry waits about this long; each further one doubles it … */
  baseMs: number;
  /** … up to this cap. */
  maxMs: number;
  /** Single-skeleton requests in flight at once within one split batch. */
  singleConcurrency: number;
}

/**
 * With 10 % of requests failing, a batch fails 3 times in a row once in a thousand; its
 * skeletons then get 3 more tries each. The waits add up to a few seconds at most, short
 * enough that nobody reaches for a button, long enough for a restarting server.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  batchAttempts: 3,
  singleAttempts: 3,
  baseMs: 400,
  maxMs: 4000,
  singleConcurrency: 4,
};

/**
 * Wait before retry number `retry` (0 = the first retry): "equal jitter", between half and the
 * whole of min(maxMs, baseMs·2^retry), so parallel batches do not come back in lockstep and the
 * wait never collapses to zero.
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** retry);
  const r = Math.min(Math.max(random(), 0), 1);
  return cap / 2 + (r * cap) / 2;
}

export function isTransient(e: unknown): boolean {
  return isRetryable(e);
}

function statusOf(e: unknown): number | null {
  return e instanceof CatmaidError || e instanceof HttpError ? e.status : null;
}

/** The cause in words, for the failed list (the endpoint name is the same for every entry). */
export function describeCause(skeletonId: number, e: unknown, attempts: number): string {
  const status = statusOf(e);
  const tries = attempts > 1 ? `, still after ${attempts} attempts` : '';
  if (status === 404) return `skeleton ${skeletonId} does not exist on the server (HTTP 404)`;
  if (e instanceof NetworkError) {
    return `the connection to CATMAID was dropped or refused${tries}`;
  }
  if (e instanceof TruncatedError) {
    const of = e.expectedBytes === null ? '' : ` of ${e.expectedBytes.toLocaleString('en-US')}`;
    return `CATMAID's answer was cut off: the connection closed after ${e.receivedBytes.toLocaleString('en-US')}${of} bytes${tries}`;
  }
  if (e instanceof InvalidJsonError) return `the server's answer is malformed (not valid JSON)`;
  // A timeout is never repeated as it was (see skeleton-load.ts): no count of attempts.
  if (e instanceof TimeoutError) {
    const s = e.timeoutMs >= 1000 ? `${Math.round(e.timeoutMs / 1000)} s` : `${e.timeoutMs} ms`;
    return e.phase === 'headers'
      ? `the request timed out: CATMAID did not answer in time (${s})`
      : `the request timed out: CATMAID's answer stopped arriving for ${s}`;
  }
  if (e instanceof SchemaError) return `the server's answer was not a valid skeleton (${e.issues})`;
  if (status !== null && status >= 500) {
    // CATMAID's own one-line reason, when its error JSON gave one.
    const said = e instanceof CatmaidError && e.message ? `: ${e.message}` : '';
    return `CATMAID answered with a server error (HTTP ${status}${said})${tries}`;
  }
  if (e instanceof CatmaidError) return `${e.message} (HTTP ${e.status})`;
  if (status !== null) return `the request was refused (HTTP ${status})`;
  return e instanceof Error ? e.message : String(e);
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
