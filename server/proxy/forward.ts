/**
 * Forwards one allowed request to the single upstream CATMAID origin. What comes back is
 * decompressed and redacted (redact.ts) on its way through, HTML pages become the dashboard's
 * JSON error (html-error.ts), and a browser that disconnects cancels the upstream request.
 */
import { request as httpRequest, type ClientRequest, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { UpstreamSettings } from './env.ts';
import { HTML_SNIFF_BYTES, upstreamHtmlError } from './html-error.ts';
import { sendJsonError } from './json-error.ts';
import { RedactStream, redactString, secretsFor, type Credentials } from './redact.ts';

/** A CATMAID that accepts no TCP/TLS connection within this is down or unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;
/**
 * No byte in either direction for this long ends the request. There is deliberately no cap on
 * the total time: a busy CATMAID can take ~30 s before the first byte of a big compact-detail
 * answer and then stream 100+ MB for minutes, which is fine as long as data keeps coming.
 */
const IDLE_TIMEOUT_MS = 120_000;

/** Response headers worth passing back; cookies, upstream CORS/auth and debug headers are dropped. */
const passHeaders = [
  'content-type',
  'content-length',
  'content-encoding',
  'cache-control',
  'last-modified',
  'etag',
];

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

function credentialsOf(settings: UpstreamSettings, token: string | undefined): Credentials {
  return {
    tokens: [settings.token, token],
    basicUser: settings.basicUser,
    basicPassword: settings.basicPassword,
  };
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
  /** Also hand the whole answer as sent to the browser here once it ended well (the cache). */
  capture?: CaptureOptions;
}

export interface CaptureOptions {
  /** Answers longer than this are passed on but not collected. */
  maxBytes: number;
  done: (answer: { status: number; contentType: string; body: Buffer }) => void;
}

/** Passes every chunk on and keeps a copy, up to `maxBytes`. */
function captureTap(capture: CaptureOptions, status: number, contentType: string): Transform {
  const chunks: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      size += chunk.length;
      if (size <= capture.maxBytes) chunks.push(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      if (size <= capture.maxBytes)
        capture.done({ status, contentType, body: Buffer.concat(chunks, size) });
      callback();
    },
  });
}

function decoderFor(encoding: string): Transform | null | 'unsupported' {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return 'unsupported';
  }
}

/** Bodies where a short secret cannot be ordinary data: text, JSON, errors. */
function isTextual(contentType: string, status: number): boolean {
  return (
    status >= 400 ||
    contentType === '' ||
    /^(text\/|application\/(json|xml|javascript|problem\+json)|[^;]*\+(json|xml))/i.test(
      contentType,
    )
  );
}

function collectHtml(body: Readable, done: (html: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    body.destroy();
    done(Buffer.concat(chunks).toString('utf8'));
  };
  body.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= HTML_SNIFF_BYTES) finish();
  });
  body.on('end', finish);
  body.on('error', finish);
}

export function forward(res: ServerResponse, options: ForwardOptions): ClientRequest | undefined {
  const { settings, pathAndQuery, method, body } = options;
  if (res.destroyed) return undefined;
  const creds = credentialsOf(settings, options.token);
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
  const upstream = send(target, { method, headers, timeout: IDLE_TIMEOUT_MS }, (upRes) => {
    const status = upRes.statusCode ?? 502;
    const contentType = String(upRes.headers['content-type'] ?? '');
    const decoder = decoderFor(String(upRes.headers['content-encoding'] ?? '').toLowerCase());
    if (decoder === 'unsupported') {
      upRes.destroy();
      sendJsonError(res, 502, {
        error: `The CATMAID server at ${settings.url.href} answered with an unsupported content-encoding.`,
        type: 'ProxyUpstreamError',
      });
      return;
    }
    const location = upRes.headers.location;
    const redirect = Boolean(location) && status >= 300 && status < 400;
    const decoded: Readable = decoder ? upRes.pipe(decoder) : upRes;
    if (decoder) upRes.on('error', (err) => decoder.destroy(err));

    if (/^text\/html\b/i.test(contentType) && !redirect) {
      collectHtml(decoded, (html) => {
        upRes.destroy();
        const answer = upstreamHtmlError(html, status, settings.url, creds);
        if (!res.headersSent && !res.destroyed) sendJsonError(res, answer.status, answer.body);
      });
      return;
    }

    const out: Record<string, string> = {};
    for (const name of passHeaders) {
      const value = upRes.headers[name];
      if (typeof value !== 'string') continue;
      // A decompressed body has neither its old encoding nor its old length.
      if (decoder && (name === 'content-encoding' || name === 'content-length')) continue;
      out[name] = redactString(value, creds);
    }
    if (location && redirect) {
      // CATMAID redirects slash-less GETs; keep the browser on our origin.
      const resolved = new URL(location, target);
      if (
        resolved.origin === settings.url.origin &&
        resolved.pathname.startsWith(settings.url.pathname)
      ) {
        out.location = redactString(
          options.mount +
            '/' +
            resolved.pathname.slice(settings.url.pathname.length) +
            resolved.search,
          creds,
        );
      }
    }
    res.writeHead(status, out);
    // Send the status and length now: RedactStream holds back a secret's length of bytes, so a
    // short answer cut off by CATMAID would otherwise reach the browser as no answer at all (a
    // dropped connection) instead of as fewer bytes than announced (a cut-off answer).
    res.flushHeaders();
    const redact = new RedactStream(secretsFor(creds, isTextual(contentType, status)));
    const tap = options.capture && captureTap(options.capture, status, contentType);
    pipeline(tap ? [decoded, redact, tap, res] : [decoded, redact, res], () => {
      // Errors end the response (pipeline destroys it); a truncated answer is all we can do.
      upRes.destroy();
    });
  });

  // A browser that gives up cancels the upstream work it asked for.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy(new Error('the browser closed the request'));
  });
  upstream.on('socket', (socket) => {
    if (!socket.connecting) return;
    const timer = setTimeout(() => {
      upstream.destroy(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`));
    }, CONNECT_TIMEOUT_MS);
    socket.once('connect', () => clearTimeout(timer));
    upstream.once('close', () => clearTimeout(timer));
  });
  upstream.on('timeout', () => {
    upstream.destroy(new Error(`no data for ${IDLE_TIMEOUT_MS / 1000} s`));
  });
  upstream.on('error', (err) => {
    if (res.destroyed || res.writableEnded) return;
    if (res.headersSent) {
      res.destroy(err);
      return;
    }
    const timedOut = /^no (data|connection)/.test(err.message);
    sendJsonError(res, timedOut ? 504 : 502, {
      error: `Cannot reach the CATMAID server at ${settings.url.href}: ${redactString(err.message, creds)}`,
      type: timedOut ? 'ProxyUpstreamTimeout' : 'ProxyUpstreamError',
    });
  });
  upstream.end(method === 'POST' ? body : undefined);
  return upstream;
}
