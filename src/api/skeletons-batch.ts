/**
 * Many skeletons at once: POST /{pid}/skeletons/compact-detail (API ref §4.2), chunked and
 * concurrency-capped. One unknown id makes CATMAID answer 404 for the whole batch, so a 404
 * chunk is bisected until the bad ids stand alone: only they fail, the rest still arrives.
 */
import { z } from 'zod';
import { runChunked, type ChunkedOptions } from '../lib/http/chunked.ts';
import type { FormParams } from '../lib/http/encode-form.ts';
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
  /**
   * Fields sent after the compact-detail ones, for each request's ids: the dashboard server's
   * burst hint (src/workers/burst-params.ts), which its proxy takes out before CATMAID.
   */
  extraFields?: ((ids: readonly number[]) => FormParams) | undefined;
}

/** What every request of one batch call shares. */
interface ChunkCall {
  flags: SkeletonFlags;
  signal: AbortSignal;
  onAnswered: (() => void) | undefined;
  extraFields: ((ids: readonly number[]) => FormParams) | undefined;
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
  { flags, signal, onAnswered, extraFields }: ChunkCall,
): Promise<Map<number, SkeletonDetail | Error>> {
  const f = normalizeSkeletonFlags(flags);
  const path = fillPath(ROUTES.compactDetailBatch, scope, {});
  // The extra fields last: CATMAID's own come first, exactly as without them.
  const form = { skeleton_ids: [...ids], ...compactDetailParams(f), ...extraFields?.(ids) };
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
  call: ChunkCall,
  result: SkeletonBatchResult,
): Promise<void> {
  const { signal } = call;
  let answer: Map<number, SkeletonDetail | Error>;
  try {
    answer = await requestChunk(scope, ids, call);
  } catch (e) {
    // Cancellation and bad credentials concern the whole batch: let them through.
    if (signal.aborted || isAbortError(e) || isAuthError(e)) throw e;
    if (isNotFound(e) && ids.length > 1) {
      // Halves run one after the other so the caller's concurrency cap still holds.
      const mid = Math.ceil(ids.length / 2);
      await fetchInto(scope, ids.slice(0, mid), call, result);
      await fetchInto(scope, ids.slice(mid), call, result);
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
  {
    signal,
    onProgress,
    onAnswered,
    extraFields,
    chunkSize = 50,
    concurrency = 3,
  }: BatchOptions = {},
): Promise<SkeletonBatchResult> {
  const result: SkeletonBatchResult = { skeletons: new Map(), failed: new Map() };
  const ids = [...new Set(skeletonIds)];
  await runChunked(
    ids,
    chunkSize,
    concurrency,
    (chunk, chunkSignal) =>
      fetchInto(scope, chunk, { flags, signal: chunkSignal, onAnswered, extraFields }, result),
    {
      signal,
      onProgress,
    },
  );
  return result;
}
