/** Connectors, tags, reviews and annotations of a compact-detail answer (API ref §4.1). */
import { parseCatmaidTimeOrNaN } from '../lib/http/timestamps.ts';
import type { NodeLookup } from './node-lookup.ts';
import type { SkeletonConnectors, SkeletonReviews } from './skeleton-detail.ts';

export interface DecodeContext {
  /** node id → node index of the live nodes, filled by the node decoder first. */
  nodeIndex: NodeLookup;
  fail(where: string, what: string): never;
}

function rowsOf(raw: unknown, name: string, ctx: DecodeContext): unknown[] {
  // Absent in legacy 2/3-element answers; `[]` when the flag was not set.
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) ctx.fail(name, 'not an array');
  return raw;
}

export function decodeConnectors(raw: unknown, ctx: DecodeContext): SkeletonConnectors {
  const rows = rowsOf(raw, 'connectors', ctx);
  const n = rows.length;
  const first: unknown = rows[0];
  // With history, columns 6/7 are t_a/t_b strings and the optional link user moves to column 8.
  const withHistory = Array.isArray(first) && typeof first[6] === 'string';
  const userColumn = withHistory ? 8 : 6;
  const withUser = Array.isArray(first) && first.length > userColumn;

  const out: SkeletonConnectors = {
    nodeIndex: new Int32Array(n),
    connectorIds: new Float64Array(n),
    relations: new Int8Array(n),
    positions: new Float32Array(n * 3),
  };
  const linkUserIds = withUser ? new Int32Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const r: unknown = rows[i];
    if (!Array.isArray(r) || r.length < 6)
      ctx.fail(`connectors[${i}]`, 'expected a row of at least 6 values');
    const row = r as unknown[];
    const node = row[0];
    const connector = row[1];
    const relation = row[2];
    const x = row[3];
    const y = row[4];
    const z = row[5];
    if (
      typeof node !== 'number' ||
      typeof connector !== 'number' ||
      typeof relation !== 'number' ||
      typeof x !== 'number' ||
      typeof y !== 'number' ||
      typeof z !== 'number'
    ) {
      ctx.fail(`connectors[${i}]`, 'expected [node, connector, relation, x, y, z, …]');
    }
    out.nodeIndex[i] = ctx.nodeIndex.get(node) ?? -1;
    out.connectorIds[i] = connector;
    out.relations[i] = relation;
    out.positions[i * 3] = x;
    out.positions[i * 3 + 1] = y;
    out.positions[i * 3 + 2] = z;
    if (linkUserIds) {
      const user: unknown = r[userColumn];
      linkUserIds[i] = typeof user === 'number' ? user : -1;
    }
  }
  if (linkUserIds) out.linkUserIds = linkUserIds;
  return out;
}

/** Tag name → node indices. Entries are `id`, `[id, user]`, `[id, time]` or `[id, time, user]`. */
export function decodeTags(raw: unknown, ctx: DecodeContext): Map<string, Int32Array> {
  const tags = new Map<string, Int32Array>();
  if (raw === undefined || raw === null) return tags;
  if (typeof raw !== 'object' || Array.isArray(raw))
    ctx.fail('tags', 'expected an object keyed by tag name');
  for (const [name, entries] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(entries)) ctx.fail(`tags.${name}`, 'not an array');
    const indices: number[] = [];
    for (let i = 0; i < entries.length; i++) {
      const e: unknown = entries[i];
      const id: unknown = Array.isArray(e) ? e[0] : e;
      if (typeof id !== 'number') ctx.fail(`tags.${name}[${i}]`, 'expected a node id');
      // Tags on nodes outside the live node set (historic rows) have nothing to point at.
      const index = ctx.nodeIndex.get(id);
      if (index !== undefined) indices.push(index);
    }
    tags.set(name, Int32Array.from(indices));
  }
  return tags;
}

export function decodeReviews(raw: unknown, ctx: DecodeContext): SkeletonReviews {
  const rows = rowsOf(raw, 'reviews', ctx);
  const n = rows.length;
  const first: unknown = rows[0];
  const withTimes = Array.isArray(first) && first.length >= 4;
  const out: SkeletonReviews = { nodeIndex: new Int32Array(n), reviewerIds: new Int32Array(n) };
  const times = withTimes ? new Float64Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const r: unknown = rows[i];
    if (!Array.isArray(r) || typeof r[0] !== 'number' || typeof r[2] !== 'number') {
      ctx.fail(`reviews[${i}]`, 'expected [node, review id, reviewer, time?]');
    }
    out.nodeIndex[i] = ctx.nodeIndex.get(r[0] as number) ?? -1;
    out.reviewerIds[i] = r[2] as number;
    if (times) times[i] = parseCatmaidTimeOrNaN(r[3]);
  }
  if (times) out.reviewTimes = times;
  return out;
}

/** Rows are `[id]`, `[id, user]`, `[id, time]` or `[id, time, user]`: only the id is kept. */
export function decodeAnnotationIds(raw: unknown, ctx: DecodeContext): number[] {
  const rows = rowsOf(raw, 'annotations', ctx);
  const ids: number[] = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r: unknown = rows[i];
    const id: unknown = Array.isArray(r) ? r[0] : r;
    if (typeof id !== 'number') ctx.fail(`annotations[${i}]`, 'expected [annotation id, …]');
    ids[i] = id;
  }
  return ids;
}
