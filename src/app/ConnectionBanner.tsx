import type { UseQueryResult } from '@tanstack/react-query';
import type { Project } from '../api/projects.ts';
import { Banner } from '../components/Banner.tsx';
import { describeError } from '../views/shared/describe-error.ts';

interface Props {
  projects: UseQueryResult<Project[]>;
  wantedProjectId: number | null;
  foundProject: boolean;
  onRetry: () => void;
}

/** Says what is wrong with the connection to CATMAID and what to do about it. */
export function ConnectionBanner({ projects, wantedProjectId, foundProject, onRetry }: Props) {
  if (projects.isError) {
    const { title, hint } = describeError(projects.error);
    return (
      <Banner tone="error" title={title} onRetry={onRetry}>
        {hint}
      </Banner>
    );
  }
  if (!projects.data) return null;
  if (projects.data.length === 0) {
    return (
      <Banner tone="warning" title="This server shows no projects" onRetry={onRetry}>
        Anonymous users may not browse any project here. Set CATMAID_TOKEN to the API token of a
        user with browse permission (in CATMAID: hover your user name, "Get API token"), then
        restart the dashboard.
      </Banner>
    );
  }
  if (!foundProject && wantedProjectId !== null) {
    return (
      <Banner tone="warning" title={`Project ${wantedProjectId} is not available`}>
        It does not exist on this server or you may not browse it. Pick another project above.
      </Banner>
    );
  }
  return null;
}
