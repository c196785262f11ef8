/**
 * The one HTTP client for CATMAID. It knows the base URL (the same-origin proxy), encodes forms
 * the CATMAID way, combines the caller's AbortSignal with an idle timeout, retries transient
 * failures, and turns every failure into a typed error. No UI side effects: toasts belong to the
 * caller.
 */
import type { z } from 'zod';
import { abortableSleep } from '../abortable-sleep.ts';
import { encodeForm, type FormInput } from './encode-form.ts';
import { isRetryable, NetworkError } from './errors.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './request-timeout.ts';
import { parseWith } from './schema.ts';
import { performRequest, type Transport } from './transport.ts';

export interface CatmaidClientOptions {
  /** Proxy path or CATMAID root without trailing slash, e.g. `/api/catmaid`. */
  baseUrl: string;
  /**
   * Idle timeout in ms: the longest silence (no headers, or no body bytes) before a request fails
   * with TimeoutError. Not a total-time cap. Default 30 s; the app takes it from `/api/config`.
   */
  timeoutMs?: number;
  /**
   * The dashboard server's own endpoint (`/api/config`), asked after a network failure to tell
   * "the dashboard server is down" from "CATMAID dropped the connection". Null: no probe.
   */
  probeUrl?: string | null;
  probeTimeoutMs?: number;
  /** Extra attempts after the first one, for network errors and 5xx only. */
  retries?: number;
  retryBaseMs?: number;
  fetchImpl?: typeof fetch;
  /** Extra headers for every request (e.g. `X-Authorization` when talking to CATMAID directly). */
  headers?: Readonly<Record<string, string>>;
  /** Jitter source, injectable so tests are deterministic. */
  random?: () => number;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** Stable endpoint name used in error messages, e.g. `GET /{pid}/annotations/`. */
  endpoint?: string;
  timeoutMs?: number;
  /**
   * Called when the server answers with a success status, before the body is read: its work for
   * this request is done (CATMAID builds an answer before sending it), so a caller that limits
   * the requests a server works on at once can send its next one (skeleton-pool.ts).
   */
  onAnswered?: () => void;
}

interface GetOptions extends CallOptions {
  params?: FormInput;
}

interface PostOptions extends CallOptions {
  form?: FormInput;
}

type CatmaidRequest =
  ({ method: 'GET'; path: string } & GetOptions) | ({ method: 'POST'; path: string } & PostOptions);

export interface CatmaidClient {
  readonly baseUrl: string;
  /** The idle timeout this client uses (workers build their own client with the same). */
  readonly timeoutMs: number;
  get(path: string, options?: GetOptions): Promise<unknown>;
  post(path: string, options?: PostOptions): Promise<unknown>;
  getBinary(path: string, options?: GetOptions): Promise<ArrayBuffer>;
  postBinary(path: string, options?: PostOptions): Promise<ArrayBuffer>;
  /** JSON request validated with a zod schema; a mismatch throws SchemaError naming the endpoint. */
  request<T>(schema: z.ZodType<T>, req: CatmaidRequest): Promise<T>;
}

function buildUrl(baseUrl: string, path: string, params: FormInput | undefined): string {
  const qs = params ? encodeForm(params) : '';
  const url = `${baseUrl}${path}`;
  if (!qs) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${qs}`;
}

export function createCatmaidClient(options: CatmaidClientOptions): CatmaidClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const probeUrl = options.probeUrl ?? null;
  const probeTimeoutMs = options.probeTimeoutMs ?? 3_000;
  const retries = options.retries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 300;
  const random = options.random ?? Math.random;
  const transport: Transport = {
    fetchImpl: options.fetchImpl ?? ((input, init) => globalThis.fetch(input, init)),
    headers: options.headers ?? {},
  };

  /** True when the dashboard server answers at all (any HTTP status) within a short time. */
  async function dashboardAnswers(url: string): Promise<boolean> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), probeTimeoutMs);
    try {
      await transport.fetchImpl(url, { method: 'GET', signal: controller.signal });
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async function describeFailure(e: unknown, signal: AbortSignal | undefined): Promise<unknown> {
    if (!(e instanceof NetworkError) || probeUrl === null || signal?.aborted) return e;
    return e.withReachability(await dashboardAnswers(probeUrl));
  }

  // All requests here are reads (CATMAID needs POST for long id lists), so retrying a POST is safe.
  async function run(req: CatmaidRequest, binary: boolean): Promise<unknown> {
    const endpoint = req.endpoint ?? `${req.method} ${req.path}`;
    const url = buildUrl(baseUrl, req.path, req.method === 'GET' ? req.params : undefined);
    const body = req.method === 'POST' ? encodeForm(req.form ?? {}) : undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        return await performRequest(transport, {
          method: req.method,
          url,
          body,
          binary,
          endpoint,
          signal: req.signal,
          timeoutMs: req.timeoutMs ?? timeoutMs,
          onAnswered: req.onAnswered,
        });
      } catch (e) {
        if (req.signal?.aborted) throw e;
        if (attempt >= retries || !isRetryable(e)) throw await describeFailure(e, req.signal);
        // Exponential backoff with jitter (0.5–1.5×) so parallel chunks don't retry in lockstep.
        await abortableSleep(retryBaseMs * 2 ** attempt * (0.5 + random()), req.signal);
      }
    }
  }

  return {
    baseUrl,
    timeoutMs,
    get: (path, o = {}) => run({ ...o, method: 'GET', path }, false),
    post: (path, o = {}) => run({ ...o, method: 'POST', path }, false),
    getBinary: (path, o = {}) => run({ ...o, method: 'GET', path }, true) as Promise<ArrayBuffer>,
    postBinary: (path, o = {}) => run({ ...o, method: 'POST', path }, true) as Promise<ArrayBuffer>,
    async request(schema, req) {
      const data = await run(req, false);
      return parseWith(schema, data, req.endpoint ?? `${req.method} ${req.path}`);
    },
  };
}
