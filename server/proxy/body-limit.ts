/**
 * Request bodies of read endpoints are small: the largest the app sends is an id list (10,000
 * node ids for `node/user-info`, a 10,000-neuron selection for `skeletons/connectivity` or
 * `connectivity_matrix` rows + columns): `name[9999]=123456789&` is ~22 bytes an id, so
 * 20,000 ids ≈ 450 KB. 2 MiB leaves a 4× margin. Bodies are read chunk by chunk and reading
 * stops at the cap; all bodies being read share one global budget so that many concurrent
 * uploads cannot add up to unbounded memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJsonError } from './json-error.ts';

export const MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024;
const MAX_BUFFERED_REQUEST_BYTES = 64 * 1024 * 1024;
/** After refusing a body, at most this much more of it is read (and discarded) so the client
 * can read the answer; a client that keeps sending after that loses its connection. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

let buffered = 0;
let peak = 0;

/** Bytes of request bodies held in memory right now, and the most ever held at once. */
export const requestBodyGauge = {
  current: (): number => buffered,
  peak: (): number => peak,
  resetPeak: (): void => {
    peak = buffered;
  },
};

export type BodyResult =
  { ok: true; body: Buffer } | { ok: false; status: 413 | 503 | 400; error: string; type: string };

function tooLarge(limit: number): BodyResult {
  return {
    ok: false,
    status: 413,
    error: `Request body over the dashboard proxy's limit of ${limit / 1024 / 1024} MiB for read requests.`,
    type: 'ProxyBodyTooLarge',
  };
}

/** Read and discard the rest of a refused body (bounded), so the answer reaches the client. */
export function drainRequest(req: IncomingMessage, limit = DRAIN_LIMIT_BYTES): void {
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

export function readBodyCapped(
  req: IncomingMessage,
  limit = MAX_REQUEST_BODY_BYTES,
  globalLimit = MAX_BUFFERED_REQUEST_BYTES,
): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.resolve(tooLarge(limit));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      buffered -= size;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > limit) {
        req.pause();
        finish(tooLarge(limit));
        return;
      }
      if (buffered + chunk.length > globalLimit) {
        req.pause();
        finish({
          ok: false,
          status: 503,
          error: 'The dashboard proxy is busy reading other requests; retry in a moment.',
          type: 'ProxyBusy',
        });
        return;
      }
      size += chunk.length;
      buffered += chunk.length;
      peak = Math.max(peak, buffered);
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onError = (err: Error) =>
      finish({
        ok: false,
        status: 400,
        error: `Request body failed: ${err.message}`,
        type: 'ProxyBadRequest',
      });
    const onAborted = () => onError(new Error('the client went away'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/**
 * The request's body, or null once a refusal (too large, server busy: 503 with Retry-After) has
 * been answered.
 */
export async function readBodyOrRefuse(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Buffer | null> {
  const read = await readBodyCapped(req);
  if (read.ok) return read.body;
  drainRequest(req);
  if (read.status === 503) res.setHeader('retry-after', '2');
  sendJsonError(res, read.status, { error: read.error, type: read.type });
  return null;
}
