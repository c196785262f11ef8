/**
 * The dashboard proxy's own endpoint `GET /api/config`: which CATMAID server it forwards to and
 * the default project. It never contains credentials (the token stays server-side).
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CatmaidClient } from '../lib/http/client.ts';
import { requestTimeoutFrom } from '../lib/http/request-timeout.ts';

const dashboardConfigSchema = z.object({
  server: z.object({
    label: z.string(),
    /** The CATMAID web client root for "open in CATMAID" links; empty for the embedded demo. */
    url: z.string(),
    isDemo: z.boolean(),
    auth: z.enum(['token', 'anonymous']),
  }),
  defaultProjectId: z.number().int().nullable(),
  /** Idle timeout for every request (ms); missing or invalid → the client's default. */
  requestTimeoutMs: z.unknown().optional().transform(requestTimeoutFrom),
});

export type DashboardConfig = z.infer<typeof dashboardConfigSchema>;

/** `proxyClient` has the proxy's `/api` as its base URL. */
export function fetchDashboardConfig(
  proxyClient: CatmaidClient,
  signal?: AbortSignal,
): Promise<DashboardConfig> {
  return proxyClient.request(dashboardConfigSchema, {
    method: 'GET',
    path: '/config',
    signal,
    endpoint: 'GET /api/config',
  });
}

function configKey(proxyClient: CatmaidClient) {
  return ['dashboard', proxyClient.baseUrl, 'config'] as const;
}

export function dashboardConfigQuery(proxyClient: CatmaidClient) {
  return queryOptions({
    queryKey: configKey(proxyClient),
    queryFn: ({ signal }) => fetchDashboardConfig(proxyClient, signal),
    staleTime: Infinity,
  });
}
