/**
 * Many skeletons at once: POST /{pid}/skeletons/compact-detail (API ref §4.2), chunked and
 * concurrency-capped. One unknown id makes CATMAID answer 404 for the whole batch, so a 404
 * chunk is bisected until the bad ids stand alone: only they fail, the rest still arrives.
 */
import { z } from 'zod';
import { runChunked, type ChunkedOptions } from '../lib/http/chunked.ts';
import { CatmaidError, isAbortError, isAuthError } from '../lib/http/errors.ts';
import { parseWith } from '../lib/http/schema.ts';
import { decodeCompactDetail } from './compact-detail-decode.ts';
import { decodeCompactDetailBatchMsgpack } from './compact-detail-msgpack.ts';
import { fillPath } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import type { ProjectScope } from './scope.ts';
import type { SkeletonDetail } from './skeleton-detail.ts';
import {
  compactDetailParams,
  normalizeSkeletonFlags,
  type SkeletonFlags,
} from './skeleton-flags.ts';

const BATCH_COMPACT_DETAIL_ENDPOINT = routeName(ROUTES.compactDetailBatch);

export interface BatchOptions extends ChunkedOptions {
  /** Skeletons per request; the server builds them sequentially, so keep it moderate. */
  chunkSize?: number;
  /** Requests in flight at once (leave browser connections for other panels). */
  concurrency?: number;
  /** Each time the server answers a request with success, before its body is read. */
  onAnswered?: () => void;
}

export interface SkeletonBatchResult {
  skeletons: Map<number, SkeletonDetail>;
  /** Per-id failure: 404 (unknown id), a row that failed validation, or a failed chunk. */
  failed: Map<number, Error>;
}

const envelopeSchema = z.object({ skeletons: z.record(z.string(), z.unknown()) });

function isNotFound(e: unknown): boolean {
  return e instanceof CatmaidError && e.status === 404;
}

/** Each skeleton of the answer decoded, or the error its data gave. */
async function requestChunk(
  scope: ProjectScope,
  ids: readonly number[],
  flags: SkeletonFlags,
  signal: AbortSignal,
  onAnswered: (() => void) | undefined,
): Promise<Map<number, SkeletonDetail | Error>> {
  const f = normalizeSkeletonFlags(flags);
  const path = fillPath(ROUTES.compactDetailBatch, scope, {});
  const form = { skeleton_ids: [...ids], ...compactDetailParams(f) };
  const opts = {
    form,
    signal,
    endpoint: BATCH_COMPACT_DETAIL_ENDPOINT,
    ...(onAnswered ? { onAnswered } : {}),
  };
  if (f.format === 'msgpack') {
    const bytes = new Uint8Array(await scope.client.postBinary(path, opts));
    return decodeCompactDetailBatchMsgpack(bytes, BATCH_COMPACT_DETAIL_ENDPOINT);
  }
  const raw = await scope.client.post(path, opts);
  const answer = parseWith(envelopeSchema, raw, BATCH_COMPACT_DETAIL_ENDPOINT).skeletons;
  const out = new Map<number, SkeletonDetail | Error>();
  for (const [key, value] of Object.entries(answer)) {
    const id = Number(key);
    try {
      out.set(id, decodeCompactDetail(value, id, BATCH_COMPACT_DETAIL_ENDPOINT));
    } catch (e) {
      out.set(id, e instanceof Error ? e : new Error(String(e)));
    }
  }
  return out;
}

async function fetchInto(
  scope: ProjectScope,
  ids: readonly number[],
  flags: SkeletonFlags,
  signal: AbortSignal,
  result: SkeletonBatchResult,
  onAnswered: (() => void) | undefined,
): Promise<void> {
  let answer: Map<number, SkeletonDetail | Error>;
  try {
    answer = await requestChunk(scope, ids, flags, signal, onAnswered);
  } catch (e) {
    // Cancellation and bad credentials concern the whole batch: let them through.
    if (signal.aborted || isAbortError(e) || isAuthError(e)) throw e;
    if (isNotFound(e) && ids.length > 1) {
      // Halves run one after the other so the caller's concurrency cap still holds.
      const mid = Math.ceil(ids.length / 2);
      await fetchInto(scope, ids.slice(0, mid), flags, signal, result, onAnswered);
      await fetchInto(scope, ids.slice(mid), flags, signal, result, onAnswered);
      return;
    }
    for (const id of ids) result.failed.set(id, e instanceof Error ? e : new Error(String(e)));
    return;
  }
  for (const id of ids) {
    const decoded = answer.get(id);
    if (decoded === undefined) {
      result.failed.set(id, new Error(`skeleton ${id} missing from the batch answer`));
    } else if (decoded instanceof Error) {
      result.failed.set(id, decoded);
    } else {
      result.skeletons.set(id, decoded);
    }
  }
}

export async function fetchSkeletonsBatch(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  flags: SkeletonFlags = {},
  { signal, onProgress, onAnswered, chunkSize = 50, concurrency = 3 }: BatchOptions = {},
): Promise<SkeletonBatchResult> {
  const result: SkeletonBatchResult = { skeletons: new Map(), failed: new Map() };
  const ids = [...new Set(skeletonIds)];
  await runChunked(
    ids,
    chunkSize,
    concurrency,
    (chunk, chunkSignal) => fetchInto(scope, chunk, flags, chunkSignal, result, onAnswered),
    {
      signal,
      onProgress,
    },
  );
  return result;
}
