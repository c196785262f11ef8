/** Helpers for the server tests: listening on port 0, raw HTTP over a socket, settings. */
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { normaliseRootUrl, type UpstreamSettings } from './proxy/env.ts';

export function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/**
 * Send `text` as-is over a fresh connection and read until the server closes it (or `timeoutMs`
 * passes). Status 0: the server closed without answering.
 */
export function rawRequest(
  port: number,
  text: string | Buffer,
  timeoutMs = 3000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `no end of answer within ${timeoutMs} ms to ${JSON.stringify(text.slice(0, 80))}`,
        ),
      );
    }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('latin1');
      const split = raw.indexOf('\r\n\r\n');
      const head = split < 0 ? raw : raw.slice(0, split);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split < 0 ? '' : raw.slice(split + 4) });
    });
    socket.write(text);
  });
}

/** A request line plus the headers every test request needs. */
export function requestText(line: string, headers: string[] = []): string {
  return [line, 'Host: 127.0.0.1', 'Connection: close', ...headers, '', ''].join('\r\n');
}

export function settingsFor(
  upstreamUrl: string,
  extra: Partial<UpstreamSettings> = {},
): UpstreamSettings {
  return {
    url: normaliseRootUrl(upstreamUrl),
    token: undefined,
    basicUser: undefined,
    basicPassword: undefined,
    defaultProjectId: undefined,
    isDemo: false,
    ...extra,
  };
}
