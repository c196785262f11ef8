import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DashboardConfig } from '../api/dashboard-config.ts';
import { projectsQuery } from '../api/projects.ts';
import type { ServerScope } from '../api/scope.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { ProjectPicker } from '../components/ProjectPicker.tsx';
import { ViewTabs } from '../components/ViewTabs.tsx';
import { SelectionProvider } from '../state/selection-context.tsx';
import { useUrlStore } from '../state/url-store.ts';
import { SelectionDock } from '../views/selection/SelectionDock.tsx';
import { CatmaidScopeProvider } from '../views/shared/catmaid-scope.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { ServerBadge } from './ServerBadge.tsx';
import { ViewSwitch, viewTabs } from './ViewSwitch.tsx';

interface Props {
  config: DashboardConfig;
  scope: ServerScope;
}

/** Where "Open in CATMAID" links go, or why there are none. */
function catmaidLink(config: DashboardConfig) {
  if (config.server.isDemo)
    return {
      url: null,
      unavailable: 'The embedded demo server has no CATMAID web client to open.',
    };
  if (!config.server.url)
    return { url: null, unavailable: 'The address of the CATMAID web client is not known.' };
  return { url: config.server.url, unavailable: '' };
}

/** Header (server, project, views), connection banner, and the active view with the selection. */
export function Shell({ config, scope }: Props) {
  // Bumped by the view's Retry after a crash, so a view chunk that failed to load is fetched anew.
  const [viewAttempt, setViewAttempt] = useState(0);
  // Only what the shell shows: selection edits also pass through the URL store.
  const view = useUrlStore((s) => s.state.view);
  const projectId = useUrlStore((s) => s.state.projectId);
  const update = useUrlStore((s) => s.update);
  const projects = useQuery(projectsQuery(scope));
  const list = projects.data ?? [];
  const wanted = projectId ?? config.defaultProjectId;
  const project = list.find((p) => p.id === wanted) ?? (wanted === null ? list[0] : undefined);

  return (
    <div className="shell">
      <header className="app-header">
        <span className="app-name">CATMAID Dashboard</span>
        <ServerBadge config={config} />
        <ProjectPicker
          projects={list}
          value={project?.id ?? null}
          disabled={projects.isPending}
          onChange={(projectId) =>
            update((s) => ({ ...s, projectId, search: { ...s.search, page: 0 } }))
          }
        />
        <ViewTabs
          tabs={viewTabs}
          active={view}
          onSelect={(view) => update((s) => ({ ...s, view }))}
        />
      </header>
      <ConnectionBanner
        projects={projects}
        wantedProjectId={wanted}
        foundProject={project !== undefined}
        onRetry={() => void projects.refetch()}
      />
      <main>
        {project ? (
          <CatmaidScopeProvider scope={{ ...scope, projectId: project.id }}>
            <SelectionProvider
              key={`${scope.server}|${project.id}`}
              storageKey={`catmaid-dashboard:selection:${scope.server}:${project.id}`}
              syncUrl
            >
              <SelectionDock link={catmaidLink(config)}>
                <ErrorBoundary
                  label={`${view} view`}
                  resetKey={`${view}|${project.id}`}
                  onRetry={() => setViewAttempt((n) => n + 1)}
                >
                  <ViewSwitch view={view} attempt={viewAttempt} />
                </ErrorBoundary>
              </SelectionDock>
            </SelectionProvider>
          </CatmaidScopeProvider>
        ) : projects.isPending ? (
          <p role="status">Loading projects…</p>
        ) : null}
      </main>
    </div>
  );
}
