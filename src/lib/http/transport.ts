/** One HTTP attempt: fetch + body read under a timeout combined with the caller's signal. */
import { NetworkError, TimeoutError } from './errors.ts';
import { binaryResponseError, catmaidErrorFromBody, parseJsonResponse } from './parse-response.ts';

export interface Transport {
  fetchImpl: typeof fetch;
  headers: Readonly<Record<string, string>>;
}

export interface Attempt {
  method: 'GET' | 'POST';
  url: string;
  body: string | undefined;
  binary: boolean;
  endpoint: string;
  signal: AbortSignal | undefined;
  timeoutMs: number;
}

function decodeText(buf: ArrayBuffer): string {
  return new TextDecoder().decode(buf);
}

export async function performRequest(transport: Transport, a: Attempt): Promise<unknown> {
  if (a.signal?.aborted) throw a.signal.reason;
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(a.signal?.reason);
  a.signal?.addEventListener('abort', onAbort, { once: true });
  // The timer covers the body read too: a stalled stream must not hang the query forever.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, a.timeoutMs);

  const failure = (e: unknown): unknown => {
    if (a.signal?.aborted) return a.signal.reason;
    if (timedOut) return new TimeoutError(a.endpoint, a.timeoutMs);
    return new NetworkError(a.endpoint, e);
  };

  try {
    const headers: Record<string, string> = {
      Accept: a.binary ? 'application/octet-stream, application/json;q=0.9' : 'application/json',
      ...transport.headers,
    };
    if (a.method === 'POST')
      headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';

    let res: Response;
    let buf: ArrayBuffer;
    try {
      res = await transport.fetchImpl(a.url, {
        method: a.method,
        headers,
        body: a.body,
        signal: controller.signal,
      });
      buf = await res.arrayBuffer();
    } catch (e) {
      throw failure(e);
    }

    if (!a.binary) return parseJsonResponse(res.status, decodeText(buf), a.endpoint);
    if (res.status >= 400) throw binaryResponseError(res.status, decodeText(buf), a.endpoint);
    // A JSON answer to a msgpack request can only be an old-style `{error}` with 200.
    if ((res.headers.get('content-type') ?? '').includes('json')) {
      try {
        const err = catmaidErrorFromBody(
          JSON.parse(decodeText(buf)) as unknown,
          res.status,
          a.endpoint,
        );
        if (err) throw err;
      } catch (e) {
        if (!(e instanceof SyntaxError)) throw e;
      }
    }
    return buf;
  } finally {
    clearTimeout(timer);
    a.signal?.removeEventListener('abort', onAbort);
  }
}
