import type { DashboardConfig } from '../api/dashboard-config.ts';

export function ServerBadge({ config }: { config: DashboardConfig }) {
  const { server } = config;
  return (
    <span className="server-badge" aria-label="CATMAID server">
      {server.isDemo ? (
        <>
          Embedded demo server <span className="tag">demo data</span>
        </>
      ) : (
        <>
          {server.label}{' '}
          <span className="tag">{server.auth === 'token' ? 'API token' : 'anonymous'}</span>
        </>
      )}
    </span>
  );
}
