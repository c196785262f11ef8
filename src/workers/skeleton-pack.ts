/**
 * Packs a skeleton copy into one buffer (format in skeleton-pack-format.ts). Packing is the copy
 * the cache keeps, so the arrays themselves can be transferred to the page.
 */
import {
  AT,
  MAGIC,
  PACK_VERSION,
  PREFIX,
  TAG,
  align8,
  type Header,
  type Kind,
  type StoredSkeleton,
  type Typed,
} from './skeleton-pack-format.ts';

function kindOf(a: Typed): Kind {
  if (a instanceof Float64Array) return 'f64';
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int8Array) return 'i8';
  return 'u8';
}

function namedArrays(s: StoredSkeleton): [string, Typed][] {
  const d = s.detail;
  const out: [string, Typed | undefined][] = [
    ['nodeIds', d.nodeIds],
    ['parentIndex', d.parentIndex],
    ['creatorIds', d.creatorIds],
    ['positions', d.positions],
    ['radii', d.radii],
    ['confidences', d.confidences],
    ['creationTimes', d.creationTimes],
    ['editionTimes', d.editionTimes],
    ['c.nodeIndex', d.connectors.nodeIndex],
    ['c.connectorIds', d.connectors.connectorIds],
    ['c.relations', d.connectors.relations],
    ['c.positions', d.connectors.positions],
    ['c.linkUserIds', d.connectors.linkUserIds],
    ['r.nodeIndex', d.reviews.nodeIndex],
    ['r.reviewerIds', d.reviews.reviewerIds],
    ['r.reviewTimes', d.reviews.reviewTimes],
    ['p.strahler', s.piece?.strahler],
    ['p.lodEdges', s.piece?.lodEdges],
    ['p.coarseEdges', s.piece?.coarseEdges],
    ...[...d.tags.values()].map((a, i): [string, Int32Array] => [`${TAG}${i}`, a]),
  ];
  return out.filter((e): e is [string, Typed] => e[1] !== undefined);
}

/**
 * One buffer holding `stored` under `key` (checked again on read): packing is the copy the
 * cache keeps, so the arrays themselves can be transferred to the page.
 */
export function packSkeleton(key: string, stored: StoredSkeleton): ArrayBuffer {
  const d = stored.detail;
  const arrays = namedArrays(stored);
  const header: Header = {
    key,
    skeletonId: d.skeletonId,
    nodeCount: d.nodeCount,
    rootIndex: d.rootIndex,
    somaIndex: d.somaIndex,
    annotationIds: d.annotationIds,
    tags: [...d.tags.keys()],
    arrays: [],
  };
  // Offsets depend on the header's length, which depends on the offsets' digits: lay out
  // after a generous bound on the header instead of iterating.
  const draft = new TextEncoder().encode(
    JSON.stringify({ ...header, arrays: arrays.map(([n, a]) => [n, kindOf(a), 1e12, a.length]) }),
  );
  let offset = align8(PREFIX + draft.length);
  for (const [name, a] of arrays) {
    header.arrays.push([name, kindOf(a), offset, a.length]);
    offset = align8(offset + a.byteLength);
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const buffer = new ArrayBuffer(offset);
  const view = new DataView(buffer);
  view.setUint32(AT.magic, MAGIC, true);
  view.setUint32(AT.version, PACK_VERSION, true);
  view.setFloat64(AT.savedAt, stored.savedAt, true);
  view.setFloat64(AT.editedAt, stored.editedAt ?? Number.NaN, true);
  view.setUint32(AT.headerLength, json.length, true);
  view.setUint32(AT.total, buffer.byteLength, true);
  const bytes = new Uint8Array(buffer);
  bytes.set(json, PREFIX);
  header.arrays.forEach(([, , at], i) => {
    const a = arrays[i]?.[1];
    if (a) bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
  });
  return buffer;
}

/** Sets the edition time of a packed copy (known only after the fetch, cache-validation.ts). */
export function stampEdition(packed: ArrayBuffer, editedAt: number | undefined): void {
  new DataView(packed).setFloat64(AT.editedAt, editedAt ?? Number.NaN, true);
}
