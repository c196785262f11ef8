/**
 * The MSW server for component and hook tests: `setupCatmaidServer()` at the top of a test file starts it
 * before the file's tests, resets per-test overrides and the recorded calls after each, and
 * fails any request to an undeclared endpoint.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { calls, catmaidHandlers } from './handlers.ts';

export const server = setupServer(...catmaidHandlers);

export function setupCatmaidServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    calls.length = 0;
  });
  afterAll(() => server.close());
}
