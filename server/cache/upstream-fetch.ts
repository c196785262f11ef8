/**
 * One buffered request to CATMAID for the cache's own needs (the `skeletons/summary` check and
 * the compact-detail of the misses), with the proxy's headers and credentials and the same
 * connect and idle timeouts. The caller decides what a failure means; it never reaches the
 * browser from here (the cache then falls back to forwarding the browser's request as it is).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createGunzip, createInflate, createBrotliDecompress } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { UpstreamSettings } from '../proxy/env.ts';
import { upstreamHeaders } from '../proxy/forward.ts';

const CONNECT_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 120_000;

export interface FetchedAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

function decoded(res: Readable, encoding: string): Readable {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(createGunzip());
    case 'deflate':
      return res.pipe(createInflate());
    case 'br':
      return res.pipe(createBrotliDecompress());
    default:
      return res;
  }
}

export function fetchUpstream(
  settings: UpstreamSettings,
  token: string | undefined,
  path: string,
  form: URLSearchParams,
  signal: AbortSignal,
): Promise<FetchedAnswer> {
  const target = new URL(settings.url.pathname.replace(/\/$/, '') + path, settings.url.origin);
  const body = Buffer.from(form.toString());
  const headers = upstreamHeaders(settings, token);
  headers['content-type'] = 'application/x-www-form-urlencoded';
  headers['content-length'] = String(body.length);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method: 'POST', headers, timeout: IDLE_TIMEOUT_MS, signal },
      (res) => {
        const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
        if (encoding && !['gzip', 'x-gzip', 'deflate', 'br', 'identity'].includes(encoding)) {
          res.destroy();
          reject(new Error(`unsupported content-encoding ${encoding}`));
          return;
        }
        const stream = decoded(res, encoding);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('the CATMAID server dropped the connection')));
        stream.on('end', () => {
          if (!res.complete) {
            reject(new Error('the CATMAID server cut the answer off'));
            return;
          }
          resolve({
            status: res.statusCode ?? 502,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
          });
        });
      },
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => req.destroy(new Error('no connection')), CONNECT_TIMEOUT_MS);
      socket.once('connect', () => clearTimeout(timer));
      req.once('close', () => clearTimeout(timer));
    });
    req.on('timeout', () => req.destroy(new Error('no data')));
    req.on('error', reject);
    req.end(body);
  });
}
