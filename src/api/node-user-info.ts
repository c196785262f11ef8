/**
 * POST /{pid}/node/user-info (API ref §7): creator, editor, creation / edition time and reviews
 * of treenodes and connectors. 10,000 ids per request (pymaid); unknown ids are omitted.
 * Decoded by a hand-written loop into columns: a selection has hundreds of thousands of nodes.
 */
import { runChunked } from '../lib/http/chunked.ts';
import type { CallOptions } from '../lib/http/client.ts';
import { SchemaError } from '../lib/http/errors.ts';
import { parseCatmaidTimeOrNaN } from '../lib/http/timestamps.ts';
import type { ProjectScope } from './scope.ts';

export const NODE_USER_INFO_ENDPOINT = 'POST /{pid}/node/user-info';
export const NODE_USER_INFO_CHUNK = 10_000;

export interface NodeUserInfo {
  nodeIds: Float64Array;
  creatorIds: Int32Array;
  editorIds: Int32Array;
  /** Epoch ms. */
  creationTimes: Float64Array;
  editionTimes: Float64Array;
  /** One entry per review: reviewer and time (epoch ms). */
  reviewerIds: Int32Array;
  reviewTimes: Float64Array;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function decodeNodeUserInfo(raw: unknown): NodeUserInfo {
  const fail = (where: string, what: string): never => {
    throw new SchemaError(NODE_USER_INFO_ENDPOINT, `${where}: ${what}`);
  };
  if (!isObj(raw)) fail('(root)', 'expected an object keyed by node id');
  const entries = Object.entries(raw as Record<string, unknown>);
  const n = entries.length;
  const out = {
    nodeIds: new Float64Array(n),
    creatorIds: new Int32Array(n),
    editorIds: new Int32Array(n),
    creationTimes: new Float64Array(n),
    editionTimes: new Float64Array(n),
  };
  const reviewers: number[] = [];
  const reviewTimes: number[] = [];
  entries.forEach(([id, v], i) => {
    if (!isObj(v) || typeof v.user !== 'number')
      fail(id, 'expected {user, editor, creation_time, edition_time, reviewers, review_times}');
    const e = v as Record<string, unknown>;
    out.nodeIds[i] = Number(id);
    out.creatorIds[i] = e.user as number;
    out.editorIds[i] = typeof e.editor === 'number' ? e.editor : (e.user as number);
    out.creationTimes[i] = parseCatmaidTimeOrNaN(e.creation_time);
    out.editionTimes[i] = parseCatmaidTimeOrNaN(e.edition_time);
    const rs: unknown = e.reviewers ?? [];
    const ts: unknown = e.review_times ?? [];
    if (!Array.isArray(rs) || !Array.isArray(ts) || rs.length !== ts.length)
      fail(id, 'reviewers and review_times must be arrays of equal length');
    (rs as unknown[]).forEach((r, k) => {
      if (typeof r !== 'number') fail(`${id}.reviewers.${k}`, 'expected a user id');
      reviewers.push(r as number);
      reviewTimes.push(parseCatmaidTimeOrNaN((ts as unknown[])[k]));
    });
  });
  return {
    ...out,
    reviewerIds: Int32Array.from(reviewers),
    reviewTimes: Float64Array.from(reviewTimes),
  };
}

function concat(parts: readonly NodeUserInfo[]): NodeUserInfo {
  const cat = <T extends Float64Array | Int32Array>(
    make: (n: number) => T,
    pick: (p: NodeUserInfo) => T,
  ): T => {
    const out = make(parts.reduce((s, p) => s + pick(p).length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(pick(p), at);
      at += pick(p).length;
    }
    return out;
  };
  const f64 = (n: number) => new Float64Array(n);
  const i32 = (n: number) => new Int32Array(n);
  return {
    nodeIds: cat(f64, (p) => p.nodeIds),
    creatorIds: cat(i32, (p) => p.creatorIds),
    editorIds: cat(i32, (p) => p.editorIds),
    creationTimes: cat(f64, (p) => p.creationTimes),
    editionTimes: cat(f64, (p) => p.editionTimes),
    reviewerIds: cat(i32, (p) => p.reviewerIds),
    reviewTimes: cat(f64, (p) => p.reviewTimes),
  };
}

/** Treenode and/or connector ids, any mix. */
export async function fetchNodeUserInfo(
  scope: ProjectScope,
  nodeIds: readonly number[],
  { signal, onProgress }: CallOptions & { onProgress?: (done: number, total: number) => void } = {},
): Promise<NodeUserInfo> {
  const ids = [...new Set(nodeIds)];
  if (ids.length === 0) return concat([]);
  const parts = await runChunked(
    ids,
    NODE_USER_INFO_CHUNK,
    2,
    async (chunk, chunkSignal) =>
      decodeNodeUserInfo(
        await scope.client.post(`/${scope.projectId}/node/user-info`, {
          form: { node_ids: chunk },
          signal: chunkSignal,
          endpoint: NODE_USER_INFO_ENDPOINT,
        }),
      ),
    { signal, onProgress },
  );
  return concat(parts);
}
