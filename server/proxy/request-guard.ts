/**
 * Last-resort guards: whatever goes wrong while handling one request ends that request (a JSON
 * error, or a closed socket once the headers are out), is logged, and never ends the process.
 * The root causes are fixed where they arise (request-target.ts, static-files.ts); these guards
 * make the next unforeseen one harmless too.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { sendJsonError } from './json-error.ts';
import { isBadTarget, parseRequestTarget } from './request-target.ts';
import { API_CSP } from './security-headers.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type Logger = (message: string) => void;

const defaultLog: Logger = (message) => console.error(message);

export function failRequest(res: ServerResponse, err: unknown, log: Logger = defaultLog): void {
  const what = err instanceof Error ? (err.stack ?? err.message) : String(err);
  log(`[dashboard] error while handling a request: ${what}`);
  if (res.headersSent || res.writableEnded) {
    res.destroy();
    return;
  }
  try {
    sendJsonError(res, 500, {
      error: 'The dashboard server failed on this request (logged on the server); retry.',
      type: 'ServerError',
    });
  } catch {
    res.destroy();
  }
}

/** Wrap a request listener so no exception or rejection escapes it. */
export function guardRequests(handler: Handler, log: Logger = defaultLog): Handler {
  return (req, res) => {
    try {
      const done = handler(req, res);
      if (done instanceof Promise) done.catch((err: unknown) => failRequest(res, err, log));
    } catch (err) {
      failRequest(res, err, log);
    }
  };
}

function rawResponse(status: number, reason: string, message: string): string {
  const body = JSON.stringify({ error: message, type: 'ProxyBadRequest', detail: '', meta: null });
  return (
    `HTTP/1.1 ${status} ${reason}\r\n` +
    'content-type: application/json\r\n' +
    `content-length: ${Buffer.byteLength(body)}\r\n` +
    'x-content-type-options: nosniff\r\n' +
    `content-security-policy: ${API_CSP}\r\n` +
    'x-frame-options: DENY\r\n' +
    'referrer-policy: no-referrer\r\n' +
    'connection: close\r\n\r\n' +
    body
  );
}

/**
 * Requests Node's parser rejects (bad request line, oversize headers, bad chunking) get a JSON
 * 400/431 and their socket closed, and CONNECT (a tunnel request, which Node would otherwise
 * drop silently) a 405; the server carries on.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (err.code === 'HPE_HEADER_OVERFLOW') {
      socket.end(
        rawResponse(431, 'Request Header Fields Too Large', 'The request headers are too large.'),
      );
    } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end(rawResponse(408, 'Request Timeout', 'The request took too long to arrive.'));
    } else {
      socket.end(
        rawResponse(400, 'Bad Request', 'The dashboard server could not parse this request.'),
      );
    }
  });
  server.on('connect', (_req: unknown, socket: Socket) => {
    socket.on('error', () => socket.destroy());
    socket.end(rawResponse(405, 'Method Not Allowed', 'The dashboard server is not a tunnel.'));
  });
}

/**
 * For a server whose request listener is not ours (Vite's connect app, which parses the target
 * with `url.parse` before any middleware runs and throws on `http://[/`): answer malformed
 * targets with a 400 before that listener sees them, and run it under the guard.
 */
export function guardExistingListeners(server: Server, log: Logger = defaultLog): void {
  const listeners = server.listeners('request') as Handler[];
  server.removeAllListeners('request');
  server.on(
    'request',
    guardRequests((req, res) => {
      const target = parseRequestTarget(req.url);
      if (isBadTarget(target)) {
        req.resume();
        sendJsonError(res, 400, {
          error: `Bad request: ${target.error}.`,
          type: 'ProxyBadRequest',
        });
        return;
      }
      for (const listener of listeners) void listener(req, res);
    }, log),
  );
}
