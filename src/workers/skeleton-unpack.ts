/**
 * Reads a packed skeleton copy (format in skeleton-pack-format.ts) as views over its buffer.
 * Anything that does not decode cleanly (truncated, corrupt, another format version, another
 * key) is "absent": the caller refetches, it never sees half a skeleton.
 */
import type { SkeletonDetail } from '../api/skeleton-detail.ts';
import type { CostlyPieceParts } from '../3d/geometry/skeleton-piece.ts';
import {
  AT,
  FIELDS,
  KINDS,
  MAGIC,
  PACK_VERSION,
  PREFIX,
  TAG,
  type Field,
  type Header,
  type Kind,
  type StoredSkeleton,
  type Typed,
} from './skeleton-pack-format.ts';

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);

function readHeader(buffer: ArrayBuffer): Header | undefined {
  if (buffer.byteLength < PREFIX) return undefined;
  const view = new DataView(buffer);
  if (view.getUint32(AT.magic, true) !== MAGIC) return undefined;
  if (view.getUint32(AT.version, true) !== PACK_VERSION) return undefined;
  if (view.getUint32(AT.total, true) !== buffer.byteLength) return undefined;
  const length = view.getUint32(AT.headerLength, true);
  if (PREFIX + length > buffer.byteLength) return undefined;
  const text = new TextDecoder('utf-8', { fatal: true }).decode(
    new Uint8Array(buffer, PREFIX, length),
  );
  const h = JSON.parse(text) as Partial<Header> | null;
  if (!h || typeof h !== 'object' || typeof h.key !== 'string') return undefined;
  const scalars = [h.skeletonId, h.nodeCount, h.rootIndex, h.somaIndex];
  if (!scalars.every(isInt)) return undefined;
  if (!Array.isArray(h.annotationIds) || !h.annotationIds.every(isInt)) return undefined;
  if (!Array.isArray(h.tags) || !h.tags.every((t) => typeof t === 'string')) return undefined;
  if (!Array.isArray(h.arrays)) return undefined;
  return h as Header;
}

/** The views the header describes, each checked to lie inside the buffer with its own kind. */
function readArrays(buffer: ArrayBuffer, h: Header): Map<string, Typed> | undefined {
  // Arrays lie after the header, never over it.
  const start = PREFIX + new DataView(buffer).getUint32(AT.headerLength, true);
  const out = new Map<string, Typed>();
  for (const entry of h.arrays as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 4) return undefined;
    const [name, kind, at, length] = entry as unknown[];
    if (typeof name !== 'string' || typeof kind !== 'string' || !(kind in KINDS)) return undefined;
    const expected = name.startsWith(TAG) ? 'i32' : FIELDS[name as Field];
    if (expected !== kind || out.has(name)) return undefined;
    if (!isInt(at) || !isInt(length) || at < start || length < 0 || at % 8 !== 0) return undefined;
    const Ctor = KINDS[kind as Kind];
    if (at + length * Ctor.BYTES_PER_ELEMENT > buffer.byteLength) return undefined;
    out.set(name, new Ctor(buffer, at, length));
  }
  return out;
}

function rebuild(h: Header, a: Map<string, Typed>): SkeletonDetail | undefined {
  const get = <T extends Typed>(name: Field) => a.get(name) as T | undefined;
  const need = <T extends Typed>(name: Field, length?: number) => {
    const v = get<T>(name);
    if (!v || (length !== undefined && v.length !== length)) throw new RangeError(name);
    return v;
  };
  const n = h.nodeCount;
  const tags = new Map<string, Int32Array>();
  h.tags.forEach((name, i) => tags.set(name, a.get(`${TAG}${i}`) as Int32Array));
  if ([...tags.values()].some((v) => v === undefined)) return undefined;
  const relations = need<Int8Array>('c.relations');
  const m = relations.length;
  const reviewers = need<Int32Array>('r.reviewerIds');
  const detail: SkeletonDetail = {
    skeletonId: h.skeletonId,
    nodeCount: n,
    nodeIds: need<Float64Array>('nodeIds', n),
    parentIndex: need<Int32Array>('parentIndex', n),
    creatorIds: need<Int32Array>('creatorIds', n),
    positions: need<Float32Array>('positions', 3 * n),
    radii: need<Float32Array>('radii', n),
    confidences: need<Uint8Array>('confidences', n),
    rootIndex: h.rootIndex,
    connectors: {
      nodeIndex: need<Int32Array>('c.nodeIndex', m),
      connectorIds: need<Float64Array>('c.connectorIds', m),
      relations,
      positions: need<Float32Array>('c.positions', 3 * m),
    },
    tags,
    somaIndex: h.somaIndex,
    reviews: {
      nodeIndex: need<Int32Array>('r.nodeIndex', reviewers.length),
      reviewerIds: reviewers,
    },
    annotationIds: h.annotationIds,
  };
  const creationTimes = get<Float64Array>('creationTimes');
  const editionTimes = get<Float64Array>('editionTimes');
  if (creationTimes) detail.creationTimes = need('creationTimes', n);
  if (editionTimes) detail.editionTimes = need('editionTimes', n);
  if (get('c.linkUserIds')) detail.connectors.linkUserIds = need('c.linkUserIds', m);
  if (get('r.reviewTimes')) detail.reviews.reviewTimes = need('r.reviewTimes', reviewers.length);
  return detail;
}

function rebuildPiece(a: Map<string, Typed>, n: number): CostlyPieceParts | undefined | null {
  const strahler = a.get('p.strahler') as Uint8Array | undefined;
  const lodEdges = a.get('p.lodEdges') as Uint32Array | undefined;
  const coarseEdges = a.get('p.coarseEdges') as Uint32Array | undefined;
  if (!strahler && !lodEdges && !coarseEdges) return undefined;
  // A piece that does not fit the skeleton is corrupt (null). The edges' values are not
  // scanned: structure is checked, contents are trusted, like the node arrays'.
  if (!strahler || !lodEdges || strahler.length !== n) return null;
  if (lodEdges.length % 2 !== 0 || (coarseEdges?.length ?? 0) % 2 !== 0) return null;
  return coarseEdges ? { strahler, lodEdges, coarseEdges } : { strahler, lodEdges };
}

/**
 * The copy stored under `key`, as views over `buffer`; undefined when the buffer is not a
 * complete copy of this key in this format version (never throws).
 */
export function unpackSkeleton(buffer: unknown, key: string): StoredSkeleton | undefined {
  try {
    if (!(buffer instanceof ArrayBuffer)) return undefined;
    const h = readHeader(buffer);
    if (!h || h.key !== key) return undefined;
    const arrays = readArrays(buffer, h);
    if (!arrays) return undefined;
    const detail = rebuild(h, arrays);
    const piece = rebuildPiece(arrays, h.nodeCount);
    if (!detail || piece === null) return undefined;
    const view = new DataView(buffer);
    const stored: StoredSkeleton = { detail, savedAt: view.getFloat64(AT.savedAt, true) };
    const editedAt = view.getFloat64(AT.editedAt, true);
    if (!Number.isNaN(editedAt)) stored.editedAt = editedAt;
    if (piece) stored.piece = piece;
    return stored;
  } catch {
    return undefined;
  }
}
