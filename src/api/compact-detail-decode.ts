/**
 * Decode a compact-detail answer (API ref §4.1) once into a columnar SkeletonDetail. Pure and
 * DOM-free so it can run in a worker. Rows are validated by hand while they are copied: a zod
 * schema per row would cost more than the whole decode for 20k-node skeletons.
 */
import { SchemaError } from '../lib/http/errors.ts';
import { parseCatmaidTimeOrNaN } from '../lib/http/timestamps.ts';
import {
  decodeAnnotationIds,
  decodeConnectors,
  decodeReviews,
  decodeTags,
  type DecodeContext,
} from './compact-detail-parts.ts';
import { nodeLookup } from './node-lookup.ts';
import type { SkeletonDetail } from './skeleton-detail.ts';

export const COMPACT_DETAIL_ENDPOINT = 'GET /{pid}/skeletons/{skid}/compact-detail';

const NODE_COLUMNS = 8;
const HISTORY_COLUMNS = 11;
const LIVE = 1;

type NodeColumns = Pick<
  SkeletonDetail,
  | 'nodeIds'
  | 'parentIndex'
  | 'creatorIds'
  | 'positions'
  | 'radii'
  | 'confidences'
  | 'creationTimes'
  | 'editionTimes'
  | 'rootIndex'
>;

function isLive(row: unknown): boolean {
  // History rows: ordering 1 = current state, 2 = historic version, 3 = merged-in history.
  return !Array.isArray(row) || row.length < HISTORY_COLUMNS || row[10] === LIVE;
}

/**
 * Live node rows as columns, before parent ids are resolved: what both the generic decoder
 * (rows as JS arrays) and the msgpack fast path (compact-detail-msgpack.ts) produce.
 */
export type RawNodeColumns = Pick<
  SkeletonDetail,
  | 'nodeIds'
  | 'creatorIds'
  | 'positions'
  | 'radii'
  | 'confidences'
  | 'creationTimes'
  | 'editionTimes'
> & {
  /** NaN for the root. */
  parentIds: Float64Array;
};

export function allocateNodeColumns(count: number, withHistory: boolean): RawNodeColumns {
  const raw: RawNodeColumns = {
    nodeIds: new Float64Array(count),
    parentIds: new Float64Array(count),
    creatorIds: new Int32Array(count),
    positions: new Float32Array(count * 3),
    radii: new Float32Array(count),
    confidences: new Uint8Array(count),
  };
  if (withHistory) {
    raw.creationTimes = new Float64Array(count);
    raw.editionTimes = new Float64Array(count);
  }
  return raw;
}

function readNodeRows(rows: unknown, ctx: DecodeContext): RawNodeColumns {
  if (!Array.isArray(rows)) ctx.fail('nodes', 'not an array');
  let count = 0;
  for (let i = 0; i < rows.length; i++) if (isLive(rows[i])) count++;
  const withHistory =
    rows.length > 0 && Array.isArray(rows[0]) && rows[0].length >= HISTORY_COLUMNS;
  const out = allocateNodeColumns(count, withHistory);
  const { nodeIds, parentIds, creatorIds, positions, radii, confidences } = out;
  const { creationTimes, editionTimes } = out;

  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const r: unknown = rows[i];
    if (!Array.isArray(r) || r.length < NODE_COLUMNS)
      ctx.fail(`nodes[${i}]`, 'expected a row of 8 or 11 values');
    if (!isLive(r)) continue;
    // Indexed reads, not destructuring: array destructuring goes through the iterator protocol.
    const row = r as unknown[];
    const id = row[0];
    const parent = row[1];
    const user = row[2];
    const x = row[3];
    const y = row[4];
    const z = row[5];
    const radius = row[6];
    const confidence = row[7];
    if (
      typeof id !== 'number' ||
      (parent !== null && typeof parent !== 'number') ||
      typeof user !== 'number' ||
      typeof x !== 'number' ||
      typeof y !== 'number' ||
      typeof z !== 'number' ||
      typeof radius !== 'number' ||
      typeof confidence !== 'number'
    ) {
      ctx.fail(`nodes[${i}]`, 'expected [id, parent|null, user, x, y, z, radius, confidence]');
    }
    nodeIds[n] = id;
    parentIds[n] = parent === null ? Number.NaN : parent;
    creatorIds[n] = user;
    positions[n * 3] = x;
    positions[n * 3 + 1] = y;
    positions[n * 3 + 2] = z;
    radii[n] = radius;
    confidences[n] = confidence;
    if (creationTimes && editionTimes) {
      // Live rows: t_a = last edition, t_b = original creation (§4.1).
      const ta: unknown = r[8];
      const tb: unknown = r[9];
      const edited = parseCatmaidTimeOrNaN(ta);
      editionTimes[n] = edited;
      creationTimes[n] = tb === ta ? edited : parseCatmaidTimeOrNaN(tb);
    }
    n++;
  }
  return out;
}

/** Resolves parent ids to indices (and sets up the id lookup the other parts use). */
function linkNodes(raw: RawNodeColumns, ctx: DecodeContext): NodeColumns {
  const { nodeIds, parentIds } = raw;
  const count = nodeIds.length;
  const lookup = nodeLookup(nodeIds);
  ctx.nodeIndex = lookup;
  const parentIndex = new Int32Array(count);
  let rootIndex = -1;
  for (let i = 0; i < count; i++) {
    const p = parentIds[i] ?? Number.NaN;
    if (Number.isNaN(p)) {
      parentIndex[i] = -1;
      if (rootIndex < 0) rootIndex = i;
    } else {
      parentIndex[i] = lookup.get(p) ?? -1;
    }
  }
  const columns: NodeColumns = {
    nodeIds,
    parentIndex,
    creatorIds: raw.creatorIds,
    positions: raw.positions,
    radii: raw.radii,
    confidences: raw.confidences,
    rootIndex,
  };
  if (raw.creationTimes && raw.editionTimes) {
    columns.creationTimes = raw.creationTimes;
    columns.editionTimes = raw.editionTimes;
  }
  return columns;
}

function contextFor(skeletonId: number, endpoint: string): DecodeContext {
  return {
    nodeIndex: new Map(),
    fail(where: string, what: string): never {
      throw new SchemaError(endpoint, `skeleton ${skeletonId}: ${where}: ${what}`);
    },
  };
}

const ROOT_SHAPE =
  'expected an array of 2–5 elements [nodes, connectors, tags, reviews, annotations]';

/** Node columns plus the other parts as decoded values: `rest` = [connectors, tags, …]. */
export function assembleCompactDetail(
  nodeRows: RawNodeColumns,
  rest: readonly unknown[],
  skeletonId: number,
  endpoint = COMPACT_DETAIL_ENDPOINT,
): SkeletonDetail {
  const ctx: DecodeContext = contextFor(skeletonId, endpoint);
  if (rest.length < 1 || rest.length > 4) ctx.fail('(root)', ROOT_SHAPE);
  const nodes = linkNodes(nodeRows, ctx);
  const tags = decodeTags(rest[1], ctx);
  const soma = tags.get('soma');
  return {
    skeletonId,
    nodeCount: nodes.nodeIds.length,
    ...nodes,
    connectors: decodeConnectors(rest[0], ctx),
    tags,
    somaIndex: soma && soma.length > 0 ? (soma[0] ?? -1) : -1,
    reviews: decodeReviews(rest[2], ctx),
    annotationIds: decodeAnnotationIds(rest[3], ctx),
  };
}

/**
 * Validate and decode `[nodes, connectors, tags, reviews, annotations]` (servers before
 * 2017.07.28 send only the first 2–3 elements; missing ones decode as empty).
 */
export function decodeCompactDetail(
  raw: unknown,
  skeletonId: number,
  endpoint = COMPACT_DETAIL_ENDPOINT,
): SkeletonDetail {
  const ctx: DecodeContext = contextFor(skeletonId, endpoint);
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 5) ctx.fail('(root)', ROOT_SHAPE);
  return assembleCompactDetail(readNodeRows(raw[0], ctx), raw.slice(1), skeletonId, endpoint);
}
