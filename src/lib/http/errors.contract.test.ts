import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dataPath,
  hasShared,
  recording,
  recordingIndex,
  recordingText,
} from '../../../test-support/shared-fixtures.ts';
import { createCatmaidClient } from './client.ts';
import { CatmaidError, HttpError, isAuthError, isRetryable } from './errors.ts';
import { createFakeFetch } from './fake-fetch.ts';

function replayClient(status: number, body: string) {
  const fake = createFakeFetch(() => ({ status, body }));
  return {
    client: createCatmaidClient({ baseUrl: '/api/catmaid', fetchImpl: fake.fetch, retryBaseMs: 1 }),
    fake,
  };
}

async function replayError(file: string): Promise<unknown> {
  const rec = recording(file);
  const { client } = replayClient(rec.status, recordingText(file));
  const call =
    rec.method === 'GET'
      ? client.get(rec.path, { endpoint: file })
      : client.post(rec.path, { endpoint: file });
  return call.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe.skipIf(!hasShared)('recorded CATMAID error responses become typed errors', () => {
  it.each([
    ['error-bad-token.json', 401, undefined, 'Invalid token.', true],
    ['error-bad-token-projects.json', 401, undefined, 'Invalid token.', true],
    [
      'error-anonymous-private-project.json',
      403,
      'PermissionError',
      "User 'AnonymousUser' with ID 1",
      true,
    ],
    [
      'error-anonymous-private-compact-detail.json',
      403,
      'PermissionError',
      'does not have the required permissions',
      true,
    ],
    ['error-nonexistent-skeleton-compact-detail.json', 404, undefined, 'Not found.', false],
    [
      'error-nonexistent-treenode-info.json',
      400,
      'ValueError',
      'No skeleton and neuron for treenode',
      false,
    ],
    ['error-malformed-skeleton-id.json', 400, 'ValueError', 'invalid literal for int()', false],
    ['error-malformed-date.json', 400, 'ParserError', 'month must be in 1..12', false],
    ['error-missing-parameter.json', 400, 'ValueError', 'Need at least one skeleton ID', false],
    ['error-method-not-allowed.json', 405, undefined, 'Method "GET" not allowed.', false],
  ] as const)('%s → CatmaidError %i %s', async (file, status, errorType, message, auth) => {
    expect(recording(file).status).toBe(status);
    const err = await replayError(file);
    expect(err).toBeInstanceOf(CatmaidError);
    const e = err as CatmaidError;
    expect(e).toMatchObject({ kind: 'catmaid', status, errorType, endpoint: file });
    expect(e.message).toContain(message);
    expect(e.format).toBe(errorType ? 'catmaid' : 'drf');
    if (errorType) expect(e.detail).toMatch(/^Traceback/);
    expect(isAuthError(e)).toBe(auth);
    expect(isRetryable(e)).toBe(false);
  });

  it('every recorded status >= 400 becomes an error; 200 ones do not', async () => {
    for (const rec of recordingIndex().filter((r) => r.file.includes('error-'))) {
      const name = rec.file.split('/').pop() ?? '';
      const err = await replayError(name);
      if (rec.status >= 400) expect(err, name).toBeInstanceOf(CatmaidError);
      else expect(err, name).toBeUndefined();
    }
  });

  it('an old-style {error} with HTTP 200 (FAFB 2019 login, empty message) is a CatmaidError', async () => {
    const body = readFileSync(
      dataPath('fafb-catmaid-api-recordings/api/accounts/login-POST.json'),
      'utf8',
    );
    const { client } = replayClient(200, body);
    const err = await client.post('/accounts/login').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatmaidError);
    expect((err as CatmaidError).status).toBe(200);
    expect((err as CatmaidError).message.length).toBeGreaterThan(0);
  });

  it('an HTML CSRF page (plain-view POST with a bad token) is an auth HttpError, not retried', async () => {
    const html =
      '<!DOCTYPE html><html><body><h1>Forbidden <span>(403)</span></h1><p>CSRF verification failed. Request aborted.</p></body></html>';
    const { client, fake } = replayClient(403, html);
    const err = await client.post('/6/skeleton/annotationlist').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(isAuthError(err)).toBe(true);
    expect(fake.calls).toHaveLength(1);
  });

  it('an nginx 504 page is retried, then surfaces as HttpError', async () => {
    const { client, fake } = replayClient(
      504,
      '<html><head><title>504 Gateway Time-out</title></head></html>',
    );
    const err = await client.get('/6/stats/user-history').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(fake.calls).toHaveLength(4);
  });
});
