import { describe, expect, it } from 'vitest';
import {
  CatmaidError,
  HttpError,
  NetworkError,
  SchemaError,
  TimeoutError,
} from '../../lib/http/errors.ts';
import { describeError } from './describe-error.ts';

const catmaid = (
  status: number,
  errorType: string | undefined,
  message: string,
  format: 'catmaid' | 'drf' = 'catmaid',
) => new CatmaidError({ status, endpoint: 'GET /1/annotations/', message, errorType, format });

describe('error descriptions for the connection banner and inline messages', () => {
  it.each([
    [
      catmaid(
        502,
        'ProxyUpstreamError',
        'Cannot reach the CATMAID server at http://x/: ECONNREFUSED',
      ),
      'Cannot reach the CATMAID server',
      'CATMAID_URL',
      true,
    ],
    [
      catmaid(401, undefined, 'Invalid token.', 'drf'),
      'rejected the API token',
      'CATMAID_TOKEN',
      true,
    ],
    [
      catmaid(
        403,
        'PermissionError',
        "User 'AnonymousUser' with ID 1 does not have the required permissions in project 3",
      ),
      'No permission for this project',
      'CATMAID_TOKEN',
      true,
    ],
    [
      new HttpError(
        403,
        'POST /1/skeleton/annotationlist',
        '<h1>Forbidden (403)</h1><p>CSRF verification failed.</p>',
      ),
      'refused an anonymous request',
      'CATMAID_TOKEN',
      true,
    ],
    [
      catmaid(
        403,
        'ProxyForbidden',
        'Refused by the dashboard proxy: POST /1/treenode/create is not on the allowlist',
      ),
      'proxy refused this request',
      'only reads',
      false,
    ],
    [
      new NetworkError('GET /api/config', new TypeError('Failed to fetch')),
      'Cannot reach the dashboard server',
      'npm start',
      true,
    ],
    [
      new HttpError(504, 'POST /1/skeletons/connectivity', '<html>Gateway Timeout</html>'),
      'unavailable (HTTP 504)',
      'try again',
      true,
    ],
    [
      catmaid(400, 'ValueError', 'Unknown annotation: foo'),
      'did not accept the request',
      'Unknown annotation: foo',
      false,
    ],
    [catmaid(404, undefined, 'Not found.', 'drf'), 'Not found on the server', 'Not found.', false],
    [
      new TimeoutError('POST /1/skeletons/compact-detail', 60_000),
      'did not answer in time (60 s)',
      'Retry',
      false,
    ],
    [
      new SchemaError('GET /projects/', '0.id: expected number'),
      'unexpected format',
      'GET /projects/',
      false,
    ],
  ] as const)('%s', (error, title, hint, connection) => {
    const d = describeError(error);
    expect(d.title).toContain(title);
    expect(d.hint).toContain(hint);
    expect(d.connection).toBe(connection);
  });

  it('never shows a server traceback', () => {
    const e = new CatmaidError({
      status: 500,
      endpoint: 'GET /1/x',
      message: 'boom',
      errorType: 'KeyError',
      detail: 'Traceback (most recent call last): secret',
      format: 'catmaid',
    });
    expect(JSON.stringify(describeError(e))).not.toContain('Traceback');
  });
});

describe('skeletons that kept failing in the 3D workers', () => {
  it('are titled as such, with the cause the worker wrote', () => {
    const e = new Error('CATMAID answered with a server error (HTTP 500), still after 6 attempts');
    e.name = 'SkeletonLoadError';
    expect(describeError(e)).toEqual({
      title: 'A skeleton could not be loaded',
      hint: e.message,
      connection: false,
    });
  });
});
