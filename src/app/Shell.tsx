import { useQuery } from '@tanstack/react-query';
import type { DashboardConfig } from '../api/dashboard-config.ts';
import { projectsQuery } from '../api/projects.ts';
import type { ServerScope } from '../api/scope.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { ProjectPicker } from '../components/ProjectPicker.tsx';
import { ViewTabs } from '../components/ViewTabs.tsx';
import { SelectionProvider } from '../state/selection-context.tsx';
import { useUrlStore } from '../state/url-store.ts';
import { CatmaidScopeProvider } from '../views/shared/catmaid-scope.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { ServerBadge } from './ServerBadge.tsx';
import { ViewSwitch, viewTabs } from './ViewSwitch.tsx';

interface Props {
  config: DashboardConfig;
  scope: ServerScope;
}

/** Header (server, project, views), connection banner, and the active view. */
export function Shell({ config, scope }: Props) {
  const url = useUrlStore((s) => s.state);
  const update = useUrlStore((s) => s.update);
  const projects = useQuery(projectsQuery(scope));
  const list = projects.data ?? [];
  const wanted = url.projectId ?? config.defaultProjectId;
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
          active={url.view}
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
            >
              <ErrorBoundary label={`${url.view} view`} resetKey={`${url.view}|${project.id}`}>
                <ViewSwitch view={url.view} />
              </ErrorBoundary>
            </SelectionProvider>
          </CatmaidScopeProvider>
        ) : projects.isPending ? (
          <p role="status">Loading projects…</p>
        ) : null}
      </main>
    </div>
  );
}
