/**
 * GET /{pid}/skeletons/{skid}/root (API ref §4): a skeleton's root node and where it is, the
 * location an "Open in CATMAID" link moves the web client to. One small GET per skeleton, cached
 * per skeleton: links ask only for the rows a user is about to open, so no batching is needed.
 * A skeleton the server does not know answers 500 `DoesNotExist` (a CATMAID error, not retried).
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { ProjectPoint } from '../lib/catmaid-link.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

interface SkeletonRoot {
  nodeId: number;
  /** Project coordinates in nm. */
  location: ProjectPoint;
}

const skeletonRootSchema = z
  .object({ root_id: z.number().int(), x: z.number(), y: z.number(), z: z.number() })
  .transform((r): SkeletonRoot => ({ nodeId: r.root_id, location: { x: r.x, y: r.y, z: r.z } }));

const skeletonRootEndpoint = defineEndpoint({
  route: ROUTES.skeletonRoot,
  schema: skeletonRootSchema,
  encode: (skeletonId: number) => ({ path: { skid: skeletonId } }),
  decode: (wire) => wire,
});

export const fetchSkeletonRoot = skeletonRootEndpoint.fetch;

export function skeletonRootQuery(scope: ProjectScope, skeletonId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'root'] as const,
    queryFn: ({ signal }) => fetchSkeletonRoot(scope, skeletonId, { signal }),
  });
}
