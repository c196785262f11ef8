import { describe, expect, it } from 'vitest';
import {
  CatmaidError,
  HtmlResponseError,
  HttpError,
  InvalidJsonError,
  NetworkError,
  SchemaError,
  TimeoutError,
  TruncatedError,
} from './errors.ts';
import { catmaidQueryDefaults } from './query-defaults.ts';

describe('catmaidQueryDefaults', () => {
  it('is long-lived and never refetches on focus', () => {
    expect(catmaidQueryDefaults.staleTime).toBe(600_000);
    expect(catmaidQueryDefaults.gcTime).toBe(1_800_000);
    expect(catmaidQueryDefaults.refetchOnWindowFocus).toBe(false);
    expect(catmaidQueryDefaults.structuralSharing).toBe(false);
  });

  it('retries once, only network errors and 5xx', () => {
    const { retry } = catmaidQueryDefaults;
    expect(retry(0, new NetworkError('e', 'x'))).toBe(true);
    expect(retry(0, new HttpError(503, 'e', ''))).toBe(true);
    expect(retry(1, new HttpError(503, 'e', ''))).toBe(false);
    expect(
      retry(
        0,
        new CatmaidError({ status: 404, endpoint: 'e', message: 'Not found.', format: 'drf' }),
      ),
    ).toBe(false);
    expect(retry(0, new SchemaError('e', 'bad'))).toBe(false);
  });

  it('never retries a timeout, so a 30 s stall is reported after 30 s, not minutes', () => {
    const { retry } = catmaidQueryDefaults;
    expect(retry(0, new TimeoutError('e', 30_000, 'headers'))).toBe(false);
    expect(retry(0, new TimeoutError('e', 30_000, 'body'))).toBe(false);
  });

  it('retries a cut-off answer but not a login page or malformed JSON', () => {
    const { retry } = catmaidQueryDefaults;
    expect(retry(0, new TruncatedError('e', 10, 100))).toBe(true);
    expect(retry(0, new InvalidJsonError(200, 'e', '{x'))).toBe(false);
    const page = { endpoint: 'e', title: '', upstream: '', source: 'raw' } as const;
    expect(retry(0, new HtmlResponseError({ ...page, status: 200, login: true }))).toBe(false);
    expect(retry(0, new HtmlResponseError({ ...page, status: 502, login: false }))).toBe(true);
  });
});
