/**
 * One skeleton's morphology figures as a react-query entry: the compact-detail comes from the
 * one skeleton path (`skeleton-query.ts`, with connectors and tags), the analyses run in the
 * morphology worker. Key: `[…scope, 'skeletons', skid, 'morphology', options]`.
 */
import { queryOptions } from '@tanstack/react-query';
import type { MorphologyOptions } from '../analysis/morphology/morphology.ts';
import { projectKey, type ProjectScope } from '../api/scope.ts';
import { runMorphology } from './morphology-runner.ts';
import { loadedSkeletonQuery } from './skeleton-query.ts';

/** The flags the morphology needs: synapses (connectors) and the soma tag (tags). */
export const MORPHOLOGY_FLAGS = { withConnectors: true, withTags: true } as const;

export function morphologyQuery(
  scope: ProjectScope,
  skeletonId: number,
  options: MorphologyOptions,
) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'morphology', options] as const,
    queryFn: async ({ client, signal }) => {
      const loaded = await client.fetchQuery(
        loadedSkeletonQuery(scope, skeletonId, MORPHOLOGY_FLAGS),
      );
      return runMorphology(loaded.detail, options, signal);
    },
    staleTime: Infinity,
    retry: false,
  });
}
