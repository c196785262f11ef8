/**
 * Per-skeleton facts for result tables: GET|POST /{pid}/skeletons/summary (CATMAID ≥ 2021.12.21;
 * node count, cable, creation and last edition) with a fallback for older servers to
 * POST /{pid}/skeletons/cable-length (cable only). API ref §4.4.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { runChunked } from '../lib/http/chunked.ts';
import { CatmaidError, HttpError } from '../lib/http/errors.ts';
import { parseCatmaidTime } from '../lib/http/timestamps.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export const SUMMARY_ENDPOINT = 'POST /{pid}/skeletons/summary';
export const CABLE_LENGTH_ENDPOINT = 'POST /{pid}/skeletons/cable-length';
const CHUNK = 2000;
const CONCURRENCY = 2;

export interface SkeletonSummary {
  skeletonId: number;
  /** undefined on servers without skeletons/summary. */
  nodeCount: number | undefined;
  /** nm */
  cableLength: number;
  /** epoch ms */
  createdAt: number | undefined;
  lastEditedAt: number | undefined;
  lastEditorId: number | undefined;
}

const summarySchema = z.record(
  z.string(),
  z.object({
    skeleton_id: z.number(),
    num_nodes: z.number(),
    cable_length: z.number(),
    original_creation_time: z.string().nullable(),
    last_edition_time: z.string().nullable(),
    last_editor_id: z.number().nullable(),
  }),
);

const cableSchema = z.record(z.string(), z.number());

export function decodeSummary(raw: z.infer<typeof summarySchema>): SkeletonSummary[] {
  return Object.values(raw).map((s) => ({
    skeletonId: s.skeleton_id,
    nodeCount: s.num_nodes,
    cableLength: s.cable_length,
    createdAt: parseCatmaidTime(s.original_creation_time),
    lastEditedAt: parseCatmaidTime(s.last_edition_time),
    lastEditorId: s.last_editor_id ?? undefined,
  }));
}

/** The endpoint is missing on servers older than 2021.12.21 (HTML 404 / unknown URL). */
function isMissingEndpoint(e: unknown): boolean {
  return (
    (e instanceof HttpError && e.status === 404) ||
    (e instanceof CatmaidError && e.status === 404 && e.format === 'drf')
  );
}

export async function fetchSkeletonSummaries(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  { signal }: CallOptions = {},
): Promise<Map<number, SkeletonSummary>> {
  const unique = [...new Set(skeletonIds)];
  const out = new Map<number, SkeletonSummary>();
  if (unique.length === 0) return out;
  const post = <T>(schema: z.ZodType<T>, path: string, endpoint: string) =>
    runChunked(
      unique,
      CHUNK,
      CONCURRENCY,
      (chunk, chunkSignal) =>
        scope.client.request(schema, {
          method: 'POST',
          path: `/${scope.projectId}${path}`,
          form: { skeleton_ids: chunk },
          signal: chunkSignal,
          endpoint,
        }),
      { signal },
    );
  try {
    for (const part of await post(summarySchema, '/skeletons/summary', SUMMARY_ENDPOINT)) {
      for (const s of decodeSummary(part)) out.set(s.skeletonId, s);
    }
  } catch (e) {
    if (!isMissingEndpoint(e)) throw e;
    for (const part of await post(cableSchema, '/skeletons/cable-length', CABLE_LENGTH_ENDPOINT)) {
      for (const [id, cable] of Object.entries(part)) {
        out.set(Number(id), {
          skeletonId: Number(id),
          nodeCount: undefined,
          cableLength: cable,
          createdAt: undefined,
          lastEditedAt: undefined,
          lastEditorId: undefined,
        });
      }
    }
  }
  return out;
}

export function skeletonSummariesQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  const skids = [...new Set(skeletonIds)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeleton-summaries', { skids }] as const,
    queryFn: ({ signal }) => fetchSkeletonSummaries(scope, skids, { signal }),
  });
}
