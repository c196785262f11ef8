import { describe, expect, it } from 'vitest';
import { CatmaidError, HttpError, NetworkError, SchemaError } from './errors.ts';
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
});
