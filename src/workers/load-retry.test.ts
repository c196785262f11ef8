import { describe, expect, it } from 'vitest';
import { CatmaidError, HttpError } from '../lib/http/errors.ts';
import { describeCause } from './load-retry.ts';

describe('describeCause', () => {
  it("keeps CATMAID's own reason for a server error, with the attempts", () => {
    const e = new CatmaidError({
      status: 500,
      endpoint: 'POST /{pid}/skeletons/compact-detail',
      message: 'skeleton store offline',
      format: 'catmaid',
    });
    expect(describeCause(7, e, 6)).toBe(
      'CATMAID answered with a server error (HTTP 500: skeleton store offline), still after 6 attempts',
    );
  });

  it('names the status alone when the server gave no reason', () => {
    expect(describeCause(7, new HttpError(503, 'x', '<h1>busy</h1>'), 1)).toBe(
      'CATMAID answered with a server error (HTTP 503)',
    );
  });
});
