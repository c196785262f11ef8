/**
 * Default react-query options for a read-mostly science server. Pass as
 * `new QueryClient({ defaultOptions: { queries: catmaidQueryDefaults } })`.
 */
import type { DefaultOptions } from '@tanstack/react-query';
import { isRetryable } from './errors.ts';

type QueryDefaults = NonNullable<DefaultOptions['queries']>;

export const catmaidQueryDefaults = {
  // Tracing data changes slowly relative to a dashboard session; refetching costs seconds of
  // server time for big skeletons. A manual "refresh" invalidates the ['catmaid', server] key.
  staleTime: 10 * 60_000,
  gcTime: 30 * 60_000,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  // Decoded results hold typed arrays and 10^4-row lists: deep-comparing them on every refetch
  // costs more than re-rendering, and typed arrays are not shared structurally anyway.
  structuralSharing: false,
  // The HTTP client already retries network errors and 5xx three times within ~2 s. One more
  // query-level try, after a longer pause, covers a proxy or server restart that outlasts those;
  // more would multiply attempts (4 × n) against a server that is really down. Never a 4xx,
  // schema error or timeout (isRetryable says no).
  retry: (failureCount: number, error: unknown) => failureCount < 1 && isRetryable(error),
  retryDelay: 5_000,
} satisfies QueryDefaults;
