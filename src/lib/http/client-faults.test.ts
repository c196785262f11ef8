/**
 * The client under the faults a real network and a misconfigured CATMAID produce: stalls (idle
 * timeout, not a total cap), answers cut off, malformed JSON, HTML pages, and connection drops
 * told apart from the dashboard server being down.
 */
import { describe, expect, it } from 'vitest';
import { createCatmaidClient, type CatmaidClientOptions } from './client.ts';
import {
  CatmaidError,
  HtmlResponseError,
  InvalidJsonError,
  NetworkError,
  TimeoutError,
  TruncatedError,
} from './errors.ts';
import { createFakeFetch, type FakeCall, type FakeReply } from './fake-fetch.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, requestTimeoutFrom } from './request-timeout.ts';

function setup(
  reply: (call: FakeCall, i: number) => FakeReply,
  opts: Partial<CatmaidClientOptions> = {},
) {
  const fake = createFakeFetch(reply);
  const client = createCatmaidClient({
    baseUrl: '/api/catmaid',
    retryBaseMs: 1,
    retries: 0,
    fetchImpl: fake.fetch,
    ...opts,
  });
  return { client, fake };
}

const fail = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => e,
  );

describe('idle timeout', () => {
  it('lets a slow but steady answer stream longer than the timeout', async () => {
    const values = Array.from({ length: 12 }, (_, i) => i + 1);
    const chunks = values.map((v, i) => `${i === 0 ? '[' : ','}${v}${i === 11 ? ']' : ''}`);
    // Pauses of 50 ms, far below the 400 ms idle timeout even on a loaded machine.
    const { client } = setup(() => ({ chunks, chunkDelayMs: 50 }), { timeoutMs: 400 });
    const started = performance.now();
    expect(await client.get('/x')).toEqual(values);
    // Eleven pauses: past the idle timeout in total, never that long at once.
    expect(performance.now() - started).toBeGreaterThan(400);
  });

  it('ends a body that stops arriving with TimeoutError (phase body), not retried', async () => {
    const { client, fake } = setup(() => ({ chunks: ['[1,'], afterChunks: 'stall' }), {
      timeoutMs: 50,
      retries: 3,
    });
    const err = await fail(client.get('/x', { endpoint: 'GET /slow' }));
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe('body');
    expect((err as TimeoutError).timeoutMs).toBe(50);
    expect(fake.calls).toHaveLength(1);
  });

  it('ends a request without headers with TimeoutError (phase headers)', async () => {
    const { client } = setup(() => ({ hang: true }), { timeoutMs: 30 });
    const err = await fail(client.get('/x'));
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe('headers');
  });

  it('reads the timeout from the config defensively', () => {
    expect(requestTimeoutFrom(undefined)).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
    expect(requestTimeoutFrom('5000')).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
    expect(requestTimeoutFrom(Number.NaN)).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
    expect(requestTimeoutFrom(-1)).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
    expect(requestTimeoutFrom(30)).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
    expect(requestTimeoutFrom(5000)).toBe(5000);
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(30_000);
  });
});

describe('answers cut off or malformed', () => {
  it('names a body shorter than its Content-Length as truncated (and retries it)', async () => {
    const { client, fake } = setup(
      () => ({ chunks: ['[1,2,'], afterChunks: 'reset', headers: { 'content-length': '100' } }),
      { retries: 1 },
    );
    const err = await fail(client.get('/x'));
    expect(err).toBeInstanceOf(TruncatedError);
    expect((err as TruncatedError).receivedBytes).toBe(5);
    expect((err as TruncatedError).expectedBytes).toBe(100);
    expect(fake.calls).toHaveLength(2);
  });

  it('names JSON that ends mid-value as truncated', async () => {
    const { client } = setup(() => ({ body: '{"entities": [{"id": 1, "name": "PN' }));
    const err = await fail(client.get('/x'));
    expect(err).toBeInstanceOf(TruncatedError);
    expect((err as TruncatedError).expectedBytes).toBeNull();
  });

  it('names complete but broken JSON as invalid, not truncated, and does not retry it', async () => {
    const { client, fake } = setup(() => ({ body: '{"a": nope}' }), { retries: 2 });
    const err = await fail(client.get('/x'));
    expect(err).toBeInstanceOf(InvalidJsonError);
    expect((err as InvalidJsonError).bodySnippet).toBe('{"a": nope}');
    expect(fake.calls).toHaveLength(1);
  });

  it('turns CATMAID error JSON sent with 200 into CatmaidError with its message', async () => {
    const { client } = setup(() => ({ body: { error: 'Unknown skeleton 99', type: 'Http404' } }));
    const err = await fail(client.get('/x'));
    expect(err).toBeInstanceOf(CatmaidError);
    expect((err as CatmaidError).message).toBe('Unknown skeleton 99');
  });
});

describe('HTML where JSON was expected', () => {
  const login =
    '<!DOCTYPE html><html><head><title>Log in | CATMAID</title></head><body><form><input type="password" name="password"></form></body></html>';

  it('detects a raw login page (200) and does not retry it', async () => {
    const { client, fake } = setup(() => ({ body: login, contentType: 'text/html' }), {
      retries: 2,
    });
    const err = await fail(client.get('/x'));
    expect(err).toBeInstanceOf(HtmlResponseError);
    expect(err).toMatchObject({ login: true, title: 'Log in | CATMAID', source: 'raw' });
    expect(fake.calls).toHaveLength(1);
  });

  it('detects HTML served without a content type, and for binary requests too', async () => {
    const page = '  <html><head><title>Proxy error</title></head></html>';
    const { client } = setup(() => ({ body: page, contentType: 'text/html; charset=utf-8' }));
    expect(await fail(client.get('/x'))).toMatchObject({ kind: 'html', login: false });
    expect(await fail(client.getBinary('/x'))).toMatchObject({ kind: 'html', login: false });
    const plain = setup(() => ({ body: page, contentType: 'application/octet-stream' }));
    expect(await fail(plain.client.get('/x'))).toMatchObject({ title: 'Proxy error' });
  });

  it("describes the proxy's ProxyUpstreamHtml error with the upstream status and URL", async () => {
    const body = {
      error: 'CATMAID answered with an HTML page',
      type: 'ProxyUpstreamHtml',
      detail: '',
      meta: {
        status: 403,
        upstream: 'https://catmaid.example.org/',
        title: 'Sign in',
        login: true,
      },
    };
    const { client } = setup(() => ({ status: 403, body }));
    const err = await fail(client.get('/x'));
    expect(err).toBeInstanceOf(HtmlResponseError);
    expect(err).toMatchObject({
      status: 403,
      upstream: 'https://catmaid.example.org/',
      title: 'Sign in',
      login: true,
      source: 'proxy',
    });
  });
});

describe('network failures: is the dashboard server down, or did CATMAID drop the line?', () => {
  const probeUrl = '/api/config';

  it('marks the failure as CATMAID dropping the connection when the dashboard answers', async () => {
    const { client, fake } = setup(
      (call) => (call.url === probeUrl ? { body: {} } : { chunks: ['[1,2'], afterChunks: 'reset' }),
      { probeUrl, retries: 1 },
    );
    const err = await fail(client.get('/x'));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ phase: 'body', receivedBytes: 4, dashboardReachable: true });
    // Two attempts, then one probe (not one per attempt).
    expect(fake.calls.map((c) => c.url)).toEqual(['/api/catmaid/x', '/api/catmaid/x', probeUrl]);
  });

  it('marks the dashboard server as unreachable when the probe fails too', async () => {
    const { client } = setup(() => ({ networkError: true }), { probeUrl });
    const err = await fail(client.get('/x'));
    expect(err).toMatchObject({ kind: 'network', phase: 'headers', dashboardReachable: false });
  });

  it('gives up on a probe that hangs after its short timeout', async () => {
    const { client } = setup(
      (call) => (call.url === probeUrl ? { hang: true } : { networkError: true }),
      {
        probeUrl,
        probeTimeoutMs: 20,
      },
    );
    expect(await fail(client.get('/x'))).toMatchObject({ dashboardReachable: false });
  });

  it('does not probe without a probe URL', async () => {
    const { client, fake } = setup(() => ({ networkError: true }));
    expect(await fail(client.get('/x'))).toMatchObject({ dashboardReachable: undefined });
    expect(fake.calls).toHaveLength(1);
  });
});
