/**
 * POST /{pid}/node/user-info (API ref §7): creator, editor, creation / edition time and reviews
 * of treenodes and connectors. 10,000 ids per request (pymaid); unknown ids are omitted.
 * Decoded by a hand-written loop into columns: a selection has hundreds of thousands of nodes.
 */
import { z } from 'zod';
import { SchemaError } from '../lib/http/errors.ts';
import { parseCatmaidTimeOrNaN } from '../lib/http/timestamps.ts';
import { defineBatchEndpoint, idList } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import { concatColumns } from './merge.ts';

const NODE_USER_INFO_ENDPOINT = routeName(ROUTES.nodeUserInfo);
const NODE_USER_INFO_CHUNK = 10_000;

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

function decodeNodeUserInfo(raw: unknown): NodeUserInfo {
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

const nodeUserInfoEndpoint = defineBatchEndpoint({
  route: ROUTES.nodeUserInfo,
  // Hand-written decoder: hundreds of thousands of nodes go straight into columns.
  schema: z.unknown(),
  encode: idList('node_ids'),
  decode: (wire) => decodeNodeUserInfo(wire),
  batch: { chunkSize: NODE_USER_INFO_CHUNK, concurrency: 2 },
  merge: (parts) => concatColumns(parts, decodeNodeUserInfo({})),
});

/** Treenode and/or connector ids, any mix. */
export const fetchNodeUserInfo = nodeUserInfoEndpoint.fetchAll;
