/**
 * Without CATMAID_TOKEN, token-less POSTs to a public CATMAID fail CSRF checks (HTML 403). Since
 * 2021.12.21 a server hands out the anonymous user's API token, and tokens bypass CSRF, so the
 * proxy fetches it once (server-side) and uses it. Older servers simply get no token.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { UpstreamSettings } from './env.ts';
import { upstreamHeaders } from './forward.ts';

const RETRY_AFTER_MS = 5 * 60_000;

function getJson(url: URL, headers: Record<string, string>): Promise<unknown> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: 'GET', headers: { ...headers, 'accept-encoding': 'identity' }, timeout: 15_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`status ${res.statusCode}`));
          else {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

export function anonymousTokenSource(
  settings: UpstreamSettings,
): () => Promise<string | undefined> {
  let cached: { token: string | undefined; at: number } | undefined;
  // Concurrent first requests share one fetch instead of each asking the server.
  let inFlight: Promise<string | undefined> | undefined;
  const fetchToken = async (): Promise<string | undefined> => {
    let token: string | undefined;
    try {
      const body = await getJson(
        new URL('accounts/anonymous-api-token', settings.url),
        upstreamHeaders(settings, undefined),
      );
      if (body && typeof body === 'object' && 'token' in body && typeof body.token === 'string')
        token = body.token;
    } catch {
      token = undefined;
    }
    cached = { token, at: Date.now() };
    return token;
  };
  return async () => {
    if (settings.token || settings.isDemo) return settings.token;
    if (cached && (cached.token || Date.now() - cached.at < RETRY_AFTER_MS)) return cached.token;
    inFlight ??= fetchToken().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
