import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCatmaidClient, type CatmaidClientOptions } from './client.ts';
import {
  CatmaidError,
  HtmlResponseError,
  HttpError,
  NetworkError,
  SchemaError,
  TimeoutError,
} from './errors.ts';
import { createFakeFetch, type FakeReply } from './fake-fetch.ts';

function setup(
  replies: FakeReply[] | ((i: number) => FakeReply),
  opts: Partial<CatmaidClientOptions> = {},
) {
  const fake = createFakeFetch((_call, i) =>
    typeof replies === 'function' ? replies(i) : (replies[i] ?? { body: {} }),
  );
  const client = createCatmaidClient({
    baseUrl: '/api/catmaid',
    retryBaseMs: 1,
    fetchImpl: fake.fetch,
    ...opts,
  });
  return { client, fake };
}

describe('createCatmaidClient: requests on the wire', () => {
  it('GET puts indexed params in the query string and keeps the path as given', async () => {
    const { client, fake } = setup([{ body: [] }]);
    await client.get('/6/skeletons/cable-length', { params: { skeleton_ids: [1, 2] } });
    await client.get('/projects/');
    expect(fake.calls[0]?.url).toBe(
      '/api/catmaid/6/skeletons/cable-length?skeleton_ids[0]=1&skeleton_ids[1]=2',
    );
    expect(fake.calls[0]?.method).toBe('GET');
    expect(fake.calls[0]?.headers.accept).toBe('application/json');
    expect(fake.calls[1]?.url).toBe('/api/catmaid/projects/');
  });

  it('POST sends a form body with indexed keys and booleans as true/false', async () => {
    const { client, fake } = setup([{ body: {} }]);
    await client.post('/6/skeleton/neuronnames', { form: { skids: [5, 6], with_x: true } });
    const call = fake.calls[0];
    expect(call?.method).toBe('POST');
    expect(call?.body).toBe('skids[0]=5&skids[1]=6&with_x=true');
    expect(call?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
  });

  it('strips a trailing slash of the base URL only', async () => {
    const { client, fake } = setup([{ body: {} }], { baseUrl: '/api/catmaid/' });
    await client.get('/6/annotations/');
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/annotations/');
  });

  it('parses JSON regardless of content type', async () => {
    const { client } = setup([{ body: '[1,2]', contentType: 'text/html' }]);
    expect(await client.get('/x')).toEqual([1, 2]);
  });

  it('returns ArrayBuffers for binary requests', async () => {
    const { client } = setup([{ body: new Uint8Array([0x93, 1, 2, 3]) }]);
    const buf = await client.getBinary('/x');
    expect(new Uint8Array(buf)).toEqual(new Uint8Array([0x93, 1, 2, 3]));
  });
});

describe('createCatmaidClient: errors', () => {
  it('binary requests still turn JSON error bodies into typed errors', async () => {
    const { client } = setup([
      { status: 404, body: { detail: 'Not found.' } },
      { body: { error: 'old server', type: 'ValueError' }, contentType: 'application/json' },
    ]);
    await expect(client.getBinary('/x')).rejects.toMatchObject({ kind: 'catmaid', status: 404 });
    await expect(client.postBinary('/x')).rejects.toMatchObject({
      kind: 'catmaid',
      status: 200,
      errorType: 'ValueError',
    });
  });

  it('turns {error} with status 200 into CatmaidError', async () => {
    const { client } = setup([
      { body: { error: 'No treenode connector exists', type: 'ValueError' } },
    ]);
    const err = await client
      .get('/x', { endpoint: 'GET /{pid}/connectors/user-info' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatmaidError);
    expect(err).toMatchObject({
      status: 200,
      errorType: 'ValueError',
      endpoint: 'GET /{pid}/connectors/user-info',
    });
  });

  it('turns DRF {detail} errors into CatmaidError with format drf', async () => {
    const { client } = setup([{ status: 404, body: { detail: 'Not found.' } }]);
    await expect(client.get('/x')).rejects.toMatchObject({
      kind: 'catmaid',
      status: 404,
      message: 'Not found.',
      format: 'drf',
    });
  });

  it('turns HTML error pages into HttpError', async () => {
    const { client } = setup([
      {
        status: 403,
        body: '<html><h1>CSRF verification failed</h1></html>',
        contentType: 'text/html',
      },
    ]);
    const err = await client.post('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).bodySnippet).toContain('CSRF');
  });

  it('throws SchemaError naming the endpoint when validation fails', async () => {
    const { client } = setup([{ body: { id: 'not a number' } }]);
    const err = await client
      .request(z.object({ id: z.number() }), { method: 'GET', path: '/x', endpoint: 'GET /things' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).endpoint).toBe('GET /things');
    expect((err as SchemaError).issues).toContain('id');
  });

  it('throws HtmlResponseError for a 200 that is an HTML page', async () => {
    const { client } = setup([{ body: '<html>login</html>', contentType: 'text/html' }]);
    await expect(client.get('/x')).rejects.toBeInstanceOf(HtmlResponseError);
  });
});

describe('createCatmaidClient: retries, timeout, abort', () => {
  it('retries 502 then succeeds', async () => {
    const { client, fake } = setup([
      { status: 502, body: '<html>Bad Gateway</html>' },
      { body: { ok: 1 } },
    ]);
    expect(await client.get('/x')).toEqual({ ok: 1 });
    expect(fake.calls).toHaveLength(2);
  });

  it('retries network errors up to `retries` times, then throws NetworkError', async () => {
    const { client, fake } = setup(() => ({ networkError: true }), { retries: 2 });
    await expect(client.get('/x')).rejects.toBeInstanceOf(NetworkError);
    expect(fake.calls).toHaveLength(3);
  });

  it('does not retry 400 or 404', async () => {
    for (const status of [400, 404]) {
      const { client, fake } = setup(() => ({ status, body: { detail: 'nope' } }));
      await expect(client.get('/x')).rejects.toBeInstanceOf(CatmaidError);
      expect(fake.calls).toHaveLength(1);
    }
  });

  it('does not retry schema errors', async () => {
    const { client, fake } = setup(() => ({ body: [] }));
    await expect(
      client.request(z.object({}), { method: 'GET', path: '/x' }),
    ).rejects.toBeInstanceOf(SchemaError);
    expect(fake.calls).toHaveLength(1);
  });

  it('times out with TimeoutError (not retried)', async () => {
    const { client, fake } = setup(() => ({ hang: true }), { timeoutMs: 20 });
    const err = await client.get('/x', { endpoint: 'GET /slow' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).endpoint).toBe('GET /slow');
    expect(fake.calls).toHaveLength(1);
  });

  it('propagates the caller abort reason untouched and does not retry', async () => {
    const { client, fake } = setup(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = client.get('/x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('AbortError');
    expect(fake.calls).toHaveLength(1);
  });

  it('rejects immediately for an already aborted signal', async () => {
    const { client, fake } = setup([{ body: {} }]);
    const reason = new Error('gone');
    await expect(client.get('/x', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(fake.calls).toHaveLength(0);
  });

  it('stops retrying when aborted during the backoff', async () => {
    const { client, fake } = setup(() => ({ status: 503, body: 'down' }), { retryBaseMs: 50 });
    const controller = new AbortController();
    const pending = client.get('/x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.calls).toHaveLength(1);
  });
});
