/**
 * Typed errors of the CATMAID client. Every error carries a `kind` discriminant so callers (the
 * query cache's onError, view error boundaries) can switch on it without instanceof chains that
 * break across worker / module boundaries.
 */

import { HtmlResponseError, InvalidJsonError, TruncatedError } from './response-errors.ts';

export { HtmlResponseError, InvalidJsonError, TruncatedError };

/** Which error body shape the server sent: CATMAID's `{error,type,detail,meta}` or DRF's `{detail}`. */
export type CatmaidErrorFormat = 'catmaid' | 'drf';

export interface CatmaidErrorInit {
  status: number;
  endpoint: string;
  message: string;
  errorType?: string | undefined;
  detail?: string | undefined;
  meta?: unknown;
  format: CatmaidErrorFormat;
}

/** An error JSON from CATMAID (possibly with HTTP 200, see API ref §1.5) or from DRF. */
export class CatmaidError extends Error {
  readonly kind = 'catmaid' as const;
  readonly status: number;
  readonly endpoint: string;
  /** Python exception class name (`PermissionError`, `ValueError`, …); undefined for DRF errors. */
  readonly errorType: string | undefined;
  /** Server traceback (CATMAID) — long; never shown verbatim in the UI. */
  readonly detail: string | undefined;
  readonly meta: unknown;
  readonly format: CatmaidErrorFormat;

  constructor(init: CatmaidErrorInit) {
    super(init.message);
    this.name = 'CatmaidError';
    this.status = init.status;
    this.endpoint = init.endpoint;
    this.errorType = init.errorType;
    this.detail = init.detail;
    this.meta = init.meta;
    this.format = init.format;
  }
}

/** The response parsed but did not have the expected shape. Never retried: it would not change. */
export class SchemaError extends Error {
  readonly kind = 'schema' as const;
  readonly endpoint: string;
  /** Short, human-readable list of the first few issues (path: message). */
  readonly issues: string;

  constructor(endpoint: string, issues: string) {
    super(`Unexpected response from ${endpoint}: ${issues}`);
    this.name = 'SchemaError';
    this.endpoint = endpoint;
    this.issues = issues;
  }
}

/** A non-JSON error response: HTML CSRF page (403), proxy pages (502/504), wrong-slash 404/500. */
export class HttpError extends Error {
  readonly kind = 'http' as const;
  readonly status: number;
  readonly endpoint: string;
  /** First few hundred characters of the body, for diagnostics. */
  readonly bodySnippet: string;

  constructor(status: number, endpoint: string, bodySnippet: string) {
    super(`HTTP ${status} from ${endpoint}`);
    this.name = 'HttpError';
    this.status = status;
    this.endpoint = endpoint;
    this.bodySnippet = bodySnippet;
  }
}

/** Before the response headers arrived, or while the body was streaming. */
export type RequestPhase = 'headers' | 'body';

export interface NetworkErrorDetails {
  phase?: RequestPhase;
  /** Body bytes received before the failure. */
  receivedBytes?: number;
  /**
   * Whether the dashboard server answered a probe after the failure: true means the page's own
   * server is fine, so CATMAID (behind it) dropped the connection; undefined = not probed.
   */
  dashboardReachable?: boolean | undefined;
}

/** fetch itself failed (connection refused, DNS, CORS, connection reset mid-body). */
export class NetworkError extends Error {
  readonly kind = 'network' as const;
  readonly endpoint: string;
  readonly phase: RequestPhase;
  readonly receivedBytes: number;
  readonly dashboardReachable: boolean | undefined;

  constructor(endpoint: string, cause: unknown, details: NetworkErrorDetails = {}) {
    super(
      `Network error calling ${endpoint}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'NetworkError';
    this.endpoint = endpoint;
    this.phase = details.phase ?? 'headers';
    this.receivedBytes = details.receivedBytes ?? 0;
    this.dashboardReachable = details.dashboardReachable;
  }

  /** The same failure, with the result of probing the dashboard server attached. */
  withReachability(dashboardReachable: boolean): NetworkError {
    return new NetworkError(this.endpoint, this.cause, {
      phase: this.phase,
      receivedBytes: this.receivedBytes,
      dashboardReachable,
    });
  }
}

/**
 * Nothing arrived for `timeoutMs`: no response headers, or no body bytes for that long. An idle
 * timeout, not a total-time cap: a big answer that keeps streaming never times out.
 */
export class TimeoutError extends Error {
  readonly kind = 'timeout' as const;
  readonly endpoint: string;
  readonly timeoutMs: number;
  readonly phase: RequestPhase;

  constructor(endpoint: string, timeoutMs: number, phase: RequestPhase = 'headers') {
    const s = Math.round(timeoutMs / 1000);
    super(
      phase === 'headers'
        ? `${endpoint} did not answer within ${s} s`
        : `${endpoint} stopped sending its answer for ${s} s`,
    );
    this.name = 'TimeoutError';
    this.endpoint = endpoint;
    this.timeoutMs = timeoutMs;
    this.phase = phase;
  }
}

/**
 * Caller cancellation is passed through untouched (the DOMException / reason of the caller's
 * signal): react-query recognises it and it must never be reported or retried.
 */
export function isAbortError(e: unknown): boolean {
  return (
    (typeof DOMException !== 'undefined' && e instanceof DOMException && e.name === 'AbortError') ||
    (e instanceof Error && e.name === 'AbortError')
  );
}

const CSRF_PATTERN = /CSRF/i;

/** The user must (re-)enter a token or lacks rights: 401, 403 PermissionError, CSRF failures. */
export function isAuthError(e: unknown): boolean {
  if (e instanceof CatmaidError) {
    if (e.status === 401) return true;
    if (e.errorType === 'PermissionError') return true;
    return e.status === 403 && (e.format === 'drf' || CSRF_PATTERN.test(e.message));
  }
  if (e instanceof HttpError) {
    return e.status === 401 || (e.status === 403 && CSRF_PATTERN.test(e.bodySnippet));
  }
  if (e instanceof HtmlResponseError) return e.login;
  return false;
}

/**
 * Python exceptions that CATMAID raises deterministically for a given request (missing object,
 * missing parameter, bad SQL input): a 500 carrying one of these will fail the same way again.
 */
const DETERMINISTIC_SERVER_ERRORS = new Set([
  'DoesNotExist',
  'KeyError',
  'TypeError',
  'ValueError',
  'ProgrammingError',
  'AttributeError',
  'IndexError',
]);

/**
 * Worth retrying: network failures, cut-off answers and 5xx only — never a 4xx (the request is
 * wrong), never a schema or JSON error (the answer would be the same), never an HTML login page
 * (a retry would get the same page), never a timeout (nothing arrived for the whole idle time:
 * retrying automatically would multiply a 30 s stall before the user sees why; they can Retry).
 */
export function isRetryable(e: unknown): boolean {
  if (e instanceof NetworkError || e instanceof TruncatedError) return true;
  if (e instanceof HttpError) return e.status >= 500;
  if (e instanceof HtmlResponseError) return !e.login && e.status >= 500;
  if (e instanceof CatmaidError) {
    return (
      e.status >= 500 &&
      !(e.errorType !== undefined && DETERMINISTIC_SERVER_ERRORS.has(e.errorType))
    );
  }
  return false;
}
