/**
 * One neuron's full record for the Neuron view: GET /{pid}/skeletons/{skid}/compact-detail with
 * `with_history`, `with_tags`, `with_reviews` and `with_connectors` (API ref §4.1), decoded into
 * plain records. Unlike the columnar 3D decoder (compact-detail-decode.ts), which keeps only live
 * rows, this keeps every node version: live rows (ordering 1: t_a = last edition, t_b = creation)
 * and historic rows (ordering 2, and 3 = merged in: valid over [t_a, t_b)), which is what an
 * "as of date" reconstruction needs. JSON only (msgpack cannot carry the timestamps).
 */
import { queryOptions } from '@tanstack/react-query';
import type { CallOptions } from '../lib/http/client.ts';
import { SchemaError } from '../lib/http/errors.ts';
import { parseCatmaidTimeOrNaN } from '../lib/http/timestamps.ts';
import { fillPath } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

const ENDPOINT = routeName(ROUTES.compactDetail);

export interface NodeVersion {
  nodeId: number;
  parentId: number | null;
  userId: number;
  x: number;
  y: number;
  z: number;
  radius: number;
  confidence: number;
  /** Epoch ms when this version became valid (live rows: the last edition). */
  validFrom: number;
  /** Epoch ms when it stopped being valid; Infinity for the live row. */
  validTo: number;
  /** Epoch ms the node was first created (live rows only; NaN for historic ones). */
  createdAt: number;
  /** 1 live, 2 historic, 3 historic from a skeleton merged into this one. */
  ordering: number;
}

export interface HistoryConnectorLink {
  nodeId: number;
  connectorId: number;
  /** 0 pre, 1 post, 2 gap junction, 3 desmosome. */
  relation: number;
  createdAt: number;
}

export interface TagUse {
  tag: string;
  nodeId: number;
  /** Epoch ms of the tag link's last edition. */
  time: number;
}

export interface NodeReview {
  nodeId: number;
  reviewerId: number;
  /** Epoch ms. */
  time: number;
}

export interface SkeletonHistory {
  skeletonId: number;
  versions: NodeVersion[];
  connectors: HistoryConnectorLink[];
  tags: TagUse[];
  reviews: NodeReview[];
}

function fail(skeletonId: number, where: string, what: string): never {
  throw new SchemaError(ENDPOINT, `skeleton ${skeletonId}: ${where}: ${what}`);
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function decodeVersion(r: unknown, i: number, skid: number): NodeVersion {
  if (!Array.isArray(r) || r.length < 11) fail(skid, `nodes[${i}]`, 'expected 11 values');
  const row = r as unknown[];
  const [id, parent, user, x, y, z, radius, confidence, ta, tb, ordering] = row;
  if (
    !num(id) ||
    (parent !== null && !num(parent)) ||
    !num(user) ||
    !num(x) ||
    !num(y) ||
    !num(z) ||
    !num(radius) ||
    !num(confidence) ||
    !num(ordering)
  )
    fail(skid, `nodes[${i}]`, 'expected [id, parent|null, user, x, y, z, radius, confidence, …]');
  const a = parseCatmaidTimeOrNaN(ta);
  const b = parseCatmaidTimeOrNaN(tb);
  if (Number.isNaN(a) || Number.isNaN(b)) fail(skid, `nodes[${i}]`, 'unreadable time');
  const live = ordering === 1;
  return {
    nodeId: id,
    parentId: parent,
    userId: user,
    x,
    y,
    z,
    radius,
    confidence,
    validFrom: a,
    validTo: live ? Number.POSITIVE_INFINITY : b,
    createdAt: live ? b : Number.NaN,
    ordering,
  };
}

function decodeConnector(r: unknown, i: number, skid: number): HistoryConnectorLink {
  if (!Array.isArray(r) || r.length < 8) fail(skid, `connectors[${i}]`, 'expected 8 values');
  const row = r as unknown[];
  const [node, connector, relation] = row;
  if (!num(node) || !num(connector) || !num(relation))
    fail(skid, `connectors[${i}]`, 'expected [node, connector, relation, …]');
  return {
    nodeId: node,
    connectorId: connector,
    relation,
    createdAt: parseCatmaidTimeOrNaN(row[7]),
  };
}

function decodeTags(raw: unknown, skid: number): TagUse[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    fail(skid, 'tags', 'expected an object');
  const out: TagUse[] = [];
  for (const [tag, uses] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(uses)) fail(skid, `tags.${tag}`, 'expected a list');
    for (const u of uses as unknown[]) {
      // with_history: [node, time] (+ user with with_user_info); without: a bare node id.
      const node: unknown = Array.isArray(u) ? u[0] : u;
      if (!num(node)) fail(skid, `tags.${tag}`, 'expected node ids');
      out.push({ tag, nodeId: node, time: Array.isArray(u) ? parseCatmaidTimeOrNaN(u[1]) : NaN });
    }
  }
  return out;
}

function decodeReviews(raw: unknown, skid: number): NodeReview[] {
  if (!Array.isArray(raw)) fail(skid, 'reviews', 'expected a list');
  return (raw as unknown[]).map((r, i) => {
    if (!Array.isArray(r) || r.length < 4) fail(skid, `reviews[${i}]`, 'expected 4 values');
    const row = r as unknown[];
    const [node, , reviewer] = row;
    if (!num(node) || !num(reviewer)) fail(skid, `reviews[${i}]`, 'expected node and reviewer');
    return { nodeId: node, reviewerId: reviewer, time: parseCatmaidTimeOrNaN(row[3]) };
  });
}

/** Decodes a compact-detail answer requested with `with_history` (plus tags, reviews, links). */
export function decodeSkeletonHistory(raw: unknown, skeletonId: number): SkeletonHistory {
  if (!Array.isArray(raw) || raw.length < 2) fail(skeletonId, '(root)', 'expected 5 parts');
  const parts = raw as unknown[];
  const nodes = parts[0];
  if (!Array.isArray(nodes)) fail(skeletonId, 'nodes', 'expected a list');
  return {
    skeletonId,
    versions: (nodes as unknown[]).map((r, i) => decodeVersion(r, i, skeletonId)),
    connectors: ((parts[1] ?? []) as unknown[]).map((r, i) => decodeConnector(r, i, skeletonId)),
    tags: decodeTags(parts[2] ?? {}, skeletonId),
    reviews: decodeReviews(parts[3] ?? [], skeletonId),
  };
}

const HISTORY_PARAMS = {
  with_history: true,
  with_tags: true,
  with_reviews: true,
  with_connectors: true,
} as const;

export async function fetchSkeletonHistory(
  scope: ProjectScope,
  skeletonId: number,
  { signal }: CallOptions = {},
): Promise<SkeletonHistory> {
  const path = fillPath(ROUTES.compactDetail, scope, { skid: skeletonId });
  const raw = await scope.client.get(path, { params: HISTORY_PARAMS, signal, endpoint: ENDPOINT });
  return decodeSkeletonHistory(raw, skeletonId);
}

export function skeletonHistoryQuery(scope: ProjectScope, skeletonId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, 'neuron-history'] as const,
    queryFn: ({ signal }) => fetchSkeletonHistory(scope, skeletonId, { signal }),
  });
}
