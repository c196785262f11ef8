/**
 * Per-skeleton facts for result tables: GET|POST /{pid}/skeletons/summary (CATMAID ≥ 2021.12.21;
 * node count, cable, creation and last edition) with a fallback for older servers to
 * POST /{pid}/skeletons/cable-length (cable only). API ref §4.4.
 */
import { z } from 'zod';
import { runChunked } from '../lib/http/chunked.ts';
import { CatmaidError, HttpError } from '../lib/http/errors.ts';
import { parseCatmaidTime } from '../lib/http/timestamps.ts';
import { forEachTimeSliced } from '../lib/time-sliced.ts';
import { defineBatchEndpoint, idList, type BatchCallOptions } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { mergeEntries, numericEntries } from './merge.ts';
import type { ProjectScope } from './scope.ts';
import { defineSkeletonAspect } from './skeleton-aspect.ts';

const SUMMARY_BATCH = { chunkSize: 2000, concurrency: 2 };
/**
 * The tables' summaries are decoded on the main thread, one answer per task: 2,000 summaries took
 * 20-28 ms to parse, validate and convert there (the timestamps most), 1,000 take half.
 */
const TABLE_SUMMARY_CHUNK = 1000;

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
  /** Nodes that came with an import (`num_imported_nodes`); undefined on older servers. */
  importedNodes?: number | undefined;
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
    num_imported_nodes: z.number().nullable().optional(),
  }),
);

const cableSchema = z.record(z.string(), z.number());

function decodeSummary(raw: z.infer<typeof summarySchema>): SkeletonSummary[] {
  return Object.values(raw).map((s) => ({
    skeletonId: s.skeleton_id,
    nodeCount: s.num_nodes,
    cableLength: s.cable_length,
    createdAt: parseCatmaidTime(s.original_creation_time),
    lastEditedAt: parseCatmaidTime(s.last_edition_time),
    lastEditorId: s.last_editor_id ?? undefined,
    importedNodes: s.num_imported_nodes ?? undefined,
  }));
}

/** The endpoint is missing on servers older than 2021.12.21 (HTML 404 / unknown URL). */
function isMissingEndpoint(e: unknown): boolean {
  return (
    (e instanceof HttpError && e.status === 404) ||
    (e instanceof CatmaidError && e.status === 404 && e.format === 'drf')
  );
}

const summaryEndpoint = defineBatchEndpoint({
  route: ROUTES.skeletonSummary,
  schema: summarySchema,
  encode: idList('skeleton_ids'),
  decode: (wire) => decodeSummary(wire).map((s): [number, SkeletonSummary] => [s.skeletonId, s]),
  batch: SUMMARY_BATCH,
  merge: mergeEntries,
});

const cableLengthEndpoint = defineBatchEndpoint({
  route: ROUTES.cableLength,
  schema: cableSchema,
  encode: idList('skeleton_ids'),
  decode: (wire) =>
    numericEntries(wire).map(([id, cable]): [number, SkeletonSummary] => [
      id,
      {
        skeletonId: id,
        nodeCount: undefined,
        cableLength: cable,
        createdAt: undefined,
        lastEditedAt: undefined,
        lastEditorId: undefined,
      },
    ]),
  batch: SUMMARY_BATCH,
  merge: mergeEntries,
});

export async function fetchSkeletonSummaries(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  options: BatchCallOptions<undefined> = {},
): Promise<Map<number, SkeletonSummary>> {
  try {
    return await summaryEndpoint.fetchAll(scope, skeletonIds, options);
  } catch (e) {
    if (!isMissingEndpoint(e)) throw e;
    return cableLengthEndpoint.fetchAll(scope, skeletonIds, options);
  }
}

/** Summaries per skeleton, cached per id and batched (see `skeleton-aspect.ts`). */
const skeletonSummaries = defineSkeletonAspect<SkeletonSummary>({
  aspect: 'summary',
  listKey: 'skeleton-summaries',
  fetchMany: async (scope, ids) => {
    const parts = await runChunked(
      ids,
      TABLE_SUMMARY_CHUNK,
      SUMMARY_BATCH.concurrency,
      (part, signal) => fetchSkeletonSummaries(scope, part, { signal }),
    );
    if (parts.length === 1) return parts[0] ?? new Map();
    // Merged a few answers at a time: 50,000 entries in one go are a long task of their own.
    const all = new Map<number, SkeletonSummary>();
    await forEachTimeSliced(parts, (part) => part.forEach((s, id) => all.set(id, s)), {
      checkEvery: 1,
    });
    return all;
  },
});

/** One skeleton's summary entry (null: unknown to the server), shared with every list query. */
export function skeletonSummaryQuery(scope: ProjectScope, skeletonId: number) {
  return skeletonSummaries.query(scope, skeletonId);
}

export function skeletonSummariesQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  return skeletonSummaries.mapQuery(scope, skeletonIds);
}
