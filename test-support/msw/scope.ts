/** A project scope and a query client wired for MSW-backed tests, and a wrapper to render with. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactNode } from 'react';
import type { ProjectScope } from '../../src/api/scope.ts';
import { createCatmaidClient } from '../../src/lib/http/client.ts';
import { catmaidQueryDefaults } from '../../src/lib/http/query-defaults.ts';
import { CATMAID_TEST_BASE } from './handlers.ts';

/** Project 1 of the demo data, through the one HTTP client (no retries: failures show at once). */
export function testScope(projectId = 1): ProjectScope {
  const client = createCatmaidClient({ baseUrl: CATMAID_TEST_BASE, retries: 0 });
  return { client, server: 'msw', projectId };
}

/** The app's query defaults, without the query-level retry. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { ...catmaidQueryDefaults, retry: false } },
  });
}

/** `wrapper` for `render` / `renderHook`. */
export function queryWrapper(client: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return createElement(QueryClientProvider, { client }, children);
  };
}
