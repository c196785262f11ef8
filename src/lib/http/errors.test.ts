import { describe, expect, it } from 'vitest';
import {
  CatmaidError,
  HttpError,
  NetworkError,
  SchemaError,
  TimeoutError,
  isAuthError,
  isRetryable,
} from './errors.ts';

const catmaid = (status: number, errorType?: string, message = 'x') =>
  new CatmaidError({
    status,
    endpoint: 'e',
    message,
    errorType,
    format: errorType ? 'catmaid' : 'drf',
  });

describe('isRetryable', () => {
  it('retries network errors and 5xx', () => {
    expect(isRetryable(new NetworkError('e', new TypeError('fetch failed')))).toBe(true);
    expect(isRetryable(new HttpError(502, 'e', '<html>'))).toBe(true);
    expect(isRetryable(new HttpError(504, 'e', '<html>'))).toBe(true);
    expect(isRetryable(catmaid(500))).toBe(true);
    expect(isRetryable(catmaid(500, 'OperationalError'))).toBe(true);
  });

  it('never retries 4xx, schema errors, timeouts or deterministic server exceptions', () => {
    expect(isRetryable(catmaid(400, 'ValueError'))).toBe(false);
    expect(isRetryable(catmaid(404))).toBe(false);
    expect(isRetryable(new HttpError(403, 'e', 'CSRF'))).toBe(false);
    expect(isRetryable(new SchemaError('e', 'bad'))).toBe(false);
    expect(isRetryable(new TimeoutError('e', 1000))).toBe(false);
    expect(isRetryable(catmaid(500, 'DoesNotExist'))).toBe(false);
    expect(isRetryable(new Error('other'))).toBe(false);
  });
});

describe('isAuthError', () => {
  it('recognises 401, PermissionError and CSRF failures', () => {
    expect(isAuthError(catmaid(401, undefined, 'Invalid token.'))).toBe(true);
    expect(isAuthError(catmaid(403, 'PermissionError'))).toBe(true);
    expect(isAuthError(catmaid(403, undefined, 'CSRF Failed: CSRF cookie not set.'))).toBe(true);
    expect(
      isAuthError(new HttpError(403, 'e', '<h1>Forbidden (403)</h1><p>CSRF verification failed.')),
    ).toBe(true);
  });

  it('is false for other errors', () => {
    expect(isAuthError(catmaid(400, 'ValueError'))).toBe(false);
    expect(isAuthError(catmaid(404, undefined, 'Not found.'))).toBe(false);
    expect(isAuthError(new HttpError(403, 'e', 'nginx forbidden'))).toBe(false);
    expect(isAuthError(new NetworkError('e', 'x'))).toBe(false);
  });

  it('keeps a kind discriminant on every error', () => {
    expect([
      catmaid(1).kind,
      new SchemaError('e', 'i').kind,
      new HttpError(1, 'e', '').kind,
    ]).toEqual(['catmaid', 'schema', 'http']);
    expect([new NetworkError('e', 1).kind, new TimeoutError('e', 1).kind]).toEqual([
      'network',
      'timeout',
    ]);
  });
});
