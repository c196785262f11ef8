/**
 * The browser's copy of a skeleton as one binary buffer (skeleton-pack.ts writes it,
 * skeleton-unpack.ts reads it): a fixed prefix (magic, format version, savedAt, editedAt,
 * lengths), a small JSON header (the cache key, scalar fields, tag names, annotation ids, where
 * each array lies) and the raw typed arrays, each 8-byte aligned so that reading returns
 * typed-array views over the read buffer: no per-element copy and no structured clone (reading
 * IndexedDB values back cost ~280 MB/s per worker, issue 14).
 */
import type { SkeletonDetail } from '../api/skeleton-detail.ts';
import type { CostlyPieceParts } from '../3d/geometry/skeleton-piece.ts';

export interface StoredSkeleton {
  detail: SkeletonDetail;
  savedAt: number;
  /** CATMAID's last edition time of the skeleton when it was fetched (cache-validation.ts). */
  editedAt?: number;
  /**
   * Its Strahler orders and decimated edges, the costly parts of its geometry piece: a warm
   * start rebuilds the rest in one pass over the nodes (storing it too would make the copy a
   * third bigger, and reading it back costs more than the pass).
   */
  piece?: CostlyPieceParts;
}

/** 'CDSK' little-endian. */
export const MAGIC = 0x4b534443;
export const PACK_VERSION = 1;
export const PREFIX = 32;
export const AT = { magic: 0, version: 4, savedAt: 8, editedAt: 16, headerLength: 24, total: 28 };

export const KINDS = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  u8: Uint8Array,
  i8: Int8Array,
} as const;
export type Kind = keyof typeof KINDS;
export type Typed = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array | Int8Array;

/** Every array the format knows, with its element kind (a header naming another is corrupt). */
export const FIELDS = {
  nodeIds: 'f64',
  parentIndex: 'i32',
  creatorIds: 'i32',
  positions: 'f32',
  radii: 'f32',
  confidences: 'u8',
  creationTimes: 'f64',
  editionTimes: 'f64',
  'c.nodeIndex': 'i32',
  'c.connectorIds': 'f64',
  'c.relations': 'i8',
  'c.positions': 'f32',
  'c.linkUserIds': 'i32',
  'r.nodeIndex': 'i32',
  'r.reviewerIds': 'i32',
  'r.reviewTimes': 'f64',
  'p.strahler': 'u8',
  'p.lodEdges': 'u32',
  'p.coarseEdges': 'u32',
} as const satisfies Record<string, Kind>;
export type Field = keyof typeof FIELDS;
export const TAG = 'tag:';

export interface Header {
  key: string;
  skeletonId: number;
  nodeCount: number;
  rootIndex: number;
  somaIndex: number;
  annotationIds: number[];
  tags: string[];
  /** [name, kind, byte offset from the buffer's start, element count] */
  arrays: [string, Kind, number, number][];
}

export const align8 = (n: number) => Math.ceil(n / 8) * 8;
