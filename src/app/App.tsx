import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { dashboardConfigQuery } from '../api/dashboard-config.ts';
import { Banner } from '../components/Banner.tsx';
import { createCatmaidClient } from '../lib/http/client.ts';
import { describeError } from '../views/shared/describe-error.ts';
import { UrlStateProvider } from '../state/url-context.tsx';
import { createAppQueryClient } from './query-client.ts';
import { Shell } from './Shell.tsx';

/** The browser talks only to the dashboard's own proxy; it adds credentials server-side. */
const API_BASE = '/api/catmaid';
/** Asked after a network failure: does the dashboard server itself still answer? */
const PROBE_URL = '/api/config';

function Dashboard() {
  const proxyClient = useMemo(
    () => createCatmaidClient({ baseUrl: '/api', probeUrl: PROBE_URL }),
    [],
  );
  const config = useQuery(dashboardConfigQuery(proxyClient));
  const timeoutMs = config.data?.requestTimeoutMs;
  // Made once the config is known, so every CATMAID request uses the server's idle timeout.
  const catmaidClient = useMemo(
    () => createCatmaidClient({ baseUrl: API_BASE, timeoutMs, probeUrl: PROBE_URL }),
    [timeoutMs],
  );
  if (config.isPending) return <p role="status">Connecting…</p>;
  if (config.isError) {
    const { title, hint } = describeError(config.error);
    return (
      <Banner tone="error" title={title} onRetry={() => void config.refetch()}>
        {hint}
      </Banner>
    );
  }
  return (
    <Shell
      config={config.data}
      scope={{ client: catmaidClient, server: config.data.server.label }}
    />
  );
}

export function App() {
  const [queryClient] = useState(createAppQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <UrlStateProvider>
        <Dashboard />
      </UrlStateProvider>
    </QueryClientProvider>
  );
}
