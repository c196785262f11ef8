import type { ServerResponse } from 'node:http';

/** Proxy errors use CATMAID's error shape so the browser client types them like server errors. */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  body: { error: string; type: string; [key: string]: unknown },
): void {
  const text = JSON.stringify({ detail: '', meta: null, ...body });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
