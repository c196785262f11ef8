/** Test helper: one in-process demo server per test file, and small request helpers. */
import { startDemoServer, type DemoServer } from '../server.ts';

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  bytes: Uint8Array;
  json(): unknown;
}

export async function startTestServer(token?: string): Promise<DemoServer> {
  return startDemoServer({ port: 0, seed: 1, scale: 1, token });
}

export async function request(
  server: DemoServer,
  method: 'GET' | 'POST',
  path: string,
  params: [string, string][] = [],
  headers: Record<string, string> = {},
): Promise<Answer> {
  const body = new URLSearchParams(params).toString();
  const url =
    method === 'GET' && params.length > 0
      ? `${server.url}${path.slice(1)}?${body}`
      : `${server.url}${path.slice(1)}`;
  const res = await fetch(url, {
    method,
    redirect: 'manual',
    headers:
      method === 'POST'
        ? { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }
        : headers,
    body: method === 'POST' ? body : undefined,
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text,
    bytes,
    json: () => JSON.parse(text) as unknown,
  };
}

export const indexed = (name: string, values: (string | number)[]): [string, string][] =>
  values.map((v, i) => [`${name}[${i}]`, String(v)]);
