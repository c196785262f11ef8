/**
 * One HTTP attempt: fetch + body read under an idle timeout combined with the caller's signal.
 * The timer restarts whenever something arrives (the headers, then each body chunk), so a big
 * answer may stream for minutes while a stalled one ends after `timeoutMs` of silence.
 */
import { NetworkError, TimeoutError, TruncatedError, type RequestPhase } from './errors.ts';
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
  /** Idle timeout: the longest silence allowed before the headers and between body chunks. */
  timeoutMs: number;
  /** Called when a success status arrives, before the body is read (see CallOptions). */
  onAnswered?: (() => void) | undefined;
}

function decodeText(buf: ArrayBuffer): string {
  return new TextDecoder().decode(buf);
}

/** The announced body length, when it can be compared with the bytes read (not compressed). */
function expectedLength(res: Response): number | null {
  if (res.headers.get('content-encoding')) return null;
  const n = Number(res.headers.get('content-length') ?? NaN);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

interface BodyProgress {
  received: number;
}

/** Reads the body chunk by chunk, calling `onChunk` for each so the idle timer restarts. */
async function readBody(
  res: Response,
  onChunk: () => void,
  progress: BodyProgress,
  expected: number | null,
): Promise<ArrayBuffer> {
  if (!res.body) {
    const buf = await res.arrayBuffer();
    progress.received = buf.byteLength;
    return buf;
  }
  if (expected !== null && expected > 0) {
    const byob = byobReader(res.body);
    if (byob) return readInto(byob, expected, onChunk, progress);
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    progress.received += value.byteLength;
    onChunk();
  }
  const out = new Uint8Array(progress.received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

function byobReader(body: ReadableStream<Uint8Array>): ReadableStreamBYOBReader | null {
  try {
    return body.getReader({ mode: 'byob' });
  } catch {
    return null; // not a byte stream (some fetch stand-ins): read chunk by chunk
  }
}

/**
 * With the length announced, the bytes are read straight into one buffer of that size: a
 * lab-scale scene is 500 MB of answers, and chunk by chunk each byte was copied twice and every
 * chunk became garbage. Fewer bytes than announced leave `progress.received` short (the caller
 * reports the cut-off); more than announced is read on, into a bigger buffer.
 */
async function readInto(
  reader: ReadableStreamBYOBReader,
  expected: number,
  onChunk: () => void,
  progress: BodyProgress,
): Promise<ArrayBuffer> {
  let buffer = new ArrayBuffer(expected);
  let at = 0;
  const took = (n: number) => {
    at += n;
    progress.received = at;
    onChunk();
  };
  for (;;) {
    if (at === buffer.byteLength) {
      // Full: a small read tells the end from a body longer than announced.
      const probe = await reader.read(new Uint8Array(64 * 1024));
      if (probe.done) return buffer;
      const grown = new Uint8Array(buffer.byteLength * 2 + probe.value.byteLength);
      grown.set(new Uint8Array(buffer));
      grown.set(probe.value, at);
      buffer = grown.buffer;
      took(probe.value.byteLength);
      continue;
    }
    const { done, value } = await reader.read(new Uint8Array(buffer, at));
    // The view's buffer comes back (the one passed in is detached by the read).
    if (value) buffer = value.buffer;
    if (done) return buffer.slice(0, at);
    took(value.byteLength);
  }
}

function requestHeaders(transport: Transport, a: Attempt): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: a.binary ? 'application/octet-stream, application/json;q=0.9' : 'application/json',
    ...transport.headers,
  };
  if (a.method === 'POST')
    headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
  return headers;
}

export async function performRequest(transport: Transport, a: Attempt): Promise<unknown> {
  if (a.signal?.aborted) throw a.signal.reason;
  const controller = new AbortController();
  let timedOut = false;
  let phase: RequestPhase = 'headers';
  const progress: BodyProgress = { received: 0 };
  let expected: number | null = null;
  const onAbort = () => controller.abort(a.signal?.reason);
  a.signal?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restartTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, a.timeoutMs);
  };

  const failure = (e: unknown): unknown => {
    if (a.signal?.aborted) return a.signal.reason;
    if (timedOut) return new TimeoutError(a.endpoint, a.timeoutMs, phase);
    // Fewer bytes than announced and the stream broke: the answer was cut off mid-way.
    if (phase === 'body' && expected !== null && progress.received < expected)
      return new TruncatedError(a.endpoint, progress.received, expected);
    return new NetworkError(a.endpoint, e, { phase, receivedBytes: progress.received });
  };

  try {
    restartTimer();
    let res: Response;
    let buf: ArrayBuffer;
    try {
      res = await transport.fetchImpl(a.url, {
        method: a.method,
        headers: requestHeaders(transport, a),
        body: a.body,
        signal: controller.signal,
      });
      phase = 'body';
      if (res.ok) a.onAnswered?.();
      expected = expectedLength(res);
      restartTimer();
      buf = await readBody(res, restartTimer, progress, expected);
    } catch (e) {
      throw failure(e);
    }
    if (expected !== null && progress.received < expected)
      throw new TruncatedError(a.endpoint, progress.received, expected);

    const contentType = res.headers.get('content-type') ?? '';
    if (!a.binary) return parseJsonResponse(res.status, decodeText(buf), a.endpoint, contentType);
    if (res.status >= 400)
      throw binaryResponseError(res.status, decodeText(buf), a.endpoint, contentType);
    // A JSON answer to a msgpack request can only be an old-style `{error}` with 200.
    if (contentType.includes('json')) {
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
    // An HTML page (a login form) where msgpack was expected.
    if (contentType.includes('text/html'))
      throw binaryResponseError(res.status, decodeText(buf), a.endpoint, contentType);
    return buf;
  } finally {
    clearTimeout(timer);
    a.signal?.removeEventListener('abort', onAbort);
  }
}
