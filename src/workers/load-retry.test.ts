import { describe, expect, it } from 'vitest';
import {
  CatmaidError,
  HttpError,
  InvalidJsonError,
  TimeoutError,
  TruncatedError,
} from '../lib/http/errors.ts';
import { describeCause } from './load-retry.ts';

/** The failed list's words must name the cause as the rest of the app does (e2e/faults). */
describe('describeCause names the cause of a failed skeleton', () => {
  it('an answer cut off mid-way (a reset or an early close): the connection and CATMAID', () => {
    const text = describeCause(7, new TruncatedError('POST x', 0, 54_576), 3);
    expect(text).toMatch(/cut off/);
    expect(text).toMatch(/connection/);
    expect(text).toMatch(/CATMAID/);
    expect(text).toContain('0 of 54,576 bytes, still after 3 attempts');
  });

  it('a complete answer that does not parse: malformed, not valid JSON', () => {
    expect(describeCause(7, new InvalidJsonError(200, 'POST x', '{"a";1}'), 1)).toMatch(
      /malformed \(not valid JSON\)/,
    );
  });

  it('a stall: timed out', () => {
    expect(describeCause(7, new TimeoutError('POST x', 3000), 1)).toMatch(/timed out/);
  });
});

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
