/**
 * A scriptable `fetch` double for unit and contract tests (and component tests elsewhere):
 * records every call, replays a status + body, can delay, hang until aborted, fail like a
 * dropped connection, stream a body in timed chunks that then end, stall or break, and tracks
 * how many requests are in flight at once.
 */

export interface FakeCall {
  url: string;
  method: string;
  body: string | undefined;
  headers: Record<string, string>;
}

export interface FakeReply {
  status?: number;
  /** A string is sent as is; bytes as is; anything else as JSON. */
  body?: unknown;
  contentType?: string;
  /** Answer after this many ms (abortable). */
  delayMs?: number;
  /** Never answer; only the request's signal ends it. */
  hang?: boolean;
  /** Reject like fetch does on a network failure. */
  networkError?: boolean;
  /** Extra response headers (e.g. `content-length` to announce more than is sent). */
  headers?: Record<string, string>;
  /** Stream the body as these chunks (instead of `body`), `chunkDelayMs` apart. */
  chunks?: string[];
  chunkDelayMs?: number;
  /** After the chunks: close (default), never send more (a stall), or break (a reset). */
  afterChunks?: 'end' | 'stall' | 'reset';
}

export interface FakeFetch {
  fetch: typeof fetch;
  calls: FakeCall[];
  maxInFlight: () => number;
}

function abortable(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = ms === Infinity ? undefined : setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}

function toBody(reply: FakeReply): { body: BodyInit | null; type: string } {
  const b = reply.body;
  if (b === undefined) return { body: null, type: reply.contentType ?? 'application/json' };
  if (typeof b === 'string') return { body: b, type: reply.contentType ?? 'application/json' };
  if (b instanceof Uint8Array)
    return {
      body: b as Uint8Array<ArrayBuffer>,
      type: reply.contentType ?? 'application/octet-stream',
    };
  return { body: JSON.stringify(b), type: reply.contentType ?? 'application/json' };
}

/** A body that arrives chunk by chunk, abortable like a real one. */
function chunkStream(reply: FakeReply, signal: AbortSignal | null | undefined) {
  const encoder = new TextEncoder();
  const chunks = reply.chunks ?? [];
  let i = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (i < chunks.length) {
          if (i > 0) await abortable(reply.chunkDelayMs ?? 0, signal);
          controller.enqueue(encoder.encode(chunks[i++]));
          return;
        }
        if (reply.afterChunks === 'stall') await abortable(Infinity, signal);
        if (reply.afterChunks === 'reset') throw new TypeError('network error');
        controller.close();
      } catch (e) {
        controller.error(e);
      }
    },
  });
}

export function createFakeFetch(
  handler: (call: FakeCall, index: number) => FakeReply | Promise<FakeReply>,
): FakeFetch {
  const calls: FakeCall[] = [];
  let inFlight = 0;
  let max = 0;
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const call: FakeCall = {
      url: input instanceof Request ? input.url : String(input),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? init.body : undefined,
      headers,
    };
    const index = calls.push(call) - 1;
    inFlight++;
    max = Math.max(max, inFlight);
    try {
      const reply = await handler(call, index);
      if (reply.hang) await abortable(Infinity, init?.signal);
      else await abortable(reply.delayMs ?? 0, init?.signal);
      if (reply.networkError) throw new TypeError('fetch failed');
      const { body, type } = toBody(reply);
      const headers = { 'content-type': type, ...reply.headers };
      const stream = reply.chunks ? chunkStream(reply, init?.signal) : body;
      return new Response(stream, { status: reply.status ?? 200, headers });
    } finally {
      inFlight--;
    }
  };
  return { fetch: fake as typeof fetch, calls, maxInFlight: () => max };
}
