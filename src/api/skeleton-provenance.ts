/**
 * Where a skeleton's nodes came from (API ref §4.4):
 * - GET /{pid}/skeletons/change-history (pymaid `get_skeleton_change`): one row per distinct
 *   sequence of skeleton ids a set of nodes went through (oldest first), i.e. its splits and
 *   merges: `[[skid_path…], n_nodes, max_pos, n_live]`.
 * - POST /{pid}/skeletons/import-info (pymaid `get_import_info`): how many nodes were imported.
 * One skeleton per page, so plain per-skeleton queries (no batching).
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export interface SkeletonLineage {
  /** Skeleton ids these nodes belonged to, oldest first; the last is where they are now. */
  path: number[];
  nodeCount: number;
  /** CATMAID's `max_pos` (-1: only the oldest versions were looked at). */
  maxPos: number;
  /** Of these nodes, how many are still live. */
  liveCount: number;
}

const changeHistorySchema = z.array(
  z.tuple([z.array(z.number().int()), z.number(), z.number(), z.number()]),
);

const changeHistoryEndpoint = defineEndpoint({
  route: ROUTES.skeletonChangeHistory,
  schema: changeHistorySchema,
  encode: (skeletonId: number) => ({ data: { skeleton_ids: [skeletonId] } }),
  decode: (wire): SkeletonLineage[] =>
    wire.map(([path, nodeCount, maxPos, liveCount]) => ({ path, nodeCount, maxPos, liveCount })),
});

export const fetchChangeHistory = changeHistoryEndpoint.fetch;

export function changeHistoryQuery(scope: ProjectScope, skeletonId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'change-history'] as const,
    queryFn: ({ signal }) => fetchChangeHistory(scope, skeletonId, { signal }),
  });
}

const importInfoSchema = z.record(
  z.string(),
  z.object({
    n_imported_treenodes: z.number().int(),
    imported_treenodes: z.array(z.number()).nullable().optional(),
  }),
);

const importInfoEndpoint = defineEndpoint({
  route: ROUTES.skeletonImportInfo,
  schema: importInfoSchema,
  encode: (skeletonId: number) => ({ data: { skeleton_ids: [skeletonId] } }),
  /** Imported node count; 0 when the server does not list the skeleton. */
  decode: (wire, skeletonId): number => wire[String(skeletonId)]?.n_imported_treenodes ?? 0,
});

export const fetchImportInfo = importInfoEndpoint.fetch;

export function importInfoQuery(scope: ProjectScope, skeletonId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'import-info'] as const,
    queryFn: ({ signal }) => fetchImportInfo(scope, skeletonId, { signal }),
  });
}
