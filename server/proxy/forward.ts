/** Forwards one allowed request to the single upstream CATMAID origin. */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { UpstreamSettings } from './env.ts';
import { sendJsonError } from './json-error.ts';

const UPSTREAM_TIMEOUT_MS = 180_000;
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Response headers worth passing back; cookies and upstream CORS/auth headers are dropped. */
const passHeaders = [
  'content-type',
  'content-length',
  'content-encoding',
  'cache-control',
  'last-modified',
  'etag',
];

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function upstreamHeaders(
  settings: UpstreamSettings,
  token: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json, */*;q=0.8',
    'accept-encoding': 'gzip',
    'x-requested-with': 'XMLHttpRequest',
  };
  // CATMAID reads the token from X-Authorization so it can coexist with HTTP basic auth.
  if (token) headers['x-authorization'] = `Token ${token}`;
  if (settings.basicUser !== undefined) {
    const pair = `${settings.basicUser}:${settings.basicPassword ?? ''}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  return headers;
}

export interface ForwardOptions {
  settings: UpstreamSettings;
  token: string | undefined;
  /** Path relative to the CATMAID root, starting with `/`, plus the query string. */
  pathAndQuery: string;
  method: 'GET' | 'POST';
  body: Buffer | undefined;
  contentType: string | undefined;
  /** The mount point in the browser, used to rewrite upstream redirects. */
  mount: string;
}

export function forward(res: ServerResponse, options: ForwardOptions): void {
  const { settings, pathAndQuery, method, body } = options;
  const target = new URL(
    settings.url.pathname.replace(/\/$/, '') + pathAndQuery,
    settings.url.origin,
  );
  const headers = upstreamHeaders(settings, options.token);
  if (method === 'POST') {
    headers['content-type'] = options.contentType ?? 'application/x-www-form-urlencoded';
    headers['content-length'] = String(body?.length ?? 0);
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method, headers, timeout: UPSTREAM_TIMEOUT_MS }, (upRes) => {
    const status = upRes.statusCode ?? 502;
    const out: Record<string, string> = {};
    for (const name of passHeaders) {
      const value = upRes.headers[name];
      if (typeof value === 'string') out[name] = value;
    }
    const location = upRes.headers.location;
    if (location && status >= 300 && status < 400) {
      // CATMAID redirects slash-less GETs; keep the browser on our origin.
      const resolved = new URL(location, target);
      if (
        resolved.origin === settings.url.origin &&
        resolved.pathname.startsWith(settings.url.pathname)
      ) {
        out.location =
          options.mount +
          '/' +
          resolved.pathname.slice(settings.url.pathname.length) +
          resolved.search;
      }
    }
    res.writeHead(status, out);
    upRes.pipe(res);
  });
  upstream.on('timeout', () => {
    upstream.destroy(new Error(`no answer within ${UPSTREAM_TIMEOUT_MS / 1000} s`));
  });
  upstream.on('error', (err) => {
    if (res.headersSent) {
      res.destroy(err);
      return;
    }
    const timedOut = err.message.startsWith('no answer');
    sendJsonError(res, timedOut ? 504 : 502, {
      error: `Cannot reach the CATMAID server at ${settings.url.href}: ${err.message}`,
      type: timedOut ? 'ProxyUpstreamTimeout' : 'ProxyUpstreamError',
    });
  });
  upstream.end(method === 'POST' ? body : undefined);
}
