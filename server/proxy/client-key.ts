/**
 * Who a request comes from, for taking turns at CATMAID's slots (upstream-gate.ts): a random
 * id the server gives each browser in a cookie with `/api/config` (the first request the app
 * makes), so its main thread and workers count as one, and colleagues behind one reverse proxy
 * (one address) still count apart. Requests without it (scripts, `cache warm`) are told apart
 * by address. The id grants nothing: it only decides whose turn it is.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CLIENT_COOKIE = 'catmaid_dashboard_client';
const ID = /^[A-Za-z0-9_-]{8,64}$/;

function cookieId(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== CLIENT_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return ID.test(value) ? value : null;
  }
  return null;
}

/** The key the request waits under: the browser's id, else its address. */
export function clientKeyOf(req: IncomingMessage): string {
  const id = cookieId(req);
  return id ? `browser:${id}` : `address:${req.socket.remoteAddress ?? ''}`;
}

/** Gives the browser its id, unless it has one. */
export function ensureClientCookie(req: IncomingMessage, res: ServerResponse): void {
  if (cookieId(req)) return;
  const id = randomBytes(12).toString('base64url');
  res.setHeader('Set-Cookie', `${CLIENT_COOKIE}=${id}; Path=/api; HttpOnly; SameSite=Strict`);
}
