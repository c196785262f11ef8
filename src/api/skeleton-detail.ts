/**
 * The decoded, columnar form of a compact-detail skeleton. Everything per node is a typed array
 * indexed by node index (0..nodeCount-1), so geometry builders and analyses never touch the
 * positional wire rows, and a worker can hand the buffers back without copying.
 */
import { buffersOf } from '../lib/transferables.ts';

/** Connector link relation as CATMAID encodes it in compact-detail. */
export const RELATION = {
  presynaptic: 0,
  postsynaptic: 1,
  gapjunction: 2,
  desmosome: 3,
  other: -1,
} as const;

export interface SkeletonConnectors {
  /** Index of the linked node in the skeleton's node arrays (-1 if not a live node). */
  nodeIndex: Int32Array;
  connectorIds: Float64Array;
  /** 0 pre (outgoing), 1 post (incoming), 2 gap junction, 3 desmosome, -1 other. */
  relations: Int8Array;
  /** Connector location, xyz interleaved, nm. */
  positions: Float32Array;
  /** Link creator, only with `withUserInfo`. */
  linkUserIds?: Int32Array;
}

export interface SkeletonReviews {
  nodeIndex: Int32Array;
  reviewerIds: Int32Array;
  /** Epoch ms, only with `withHistory`. */
  reviewTimes?: Float64Array;
}

export interface SkeletonDetail {
  skeletonId: number;
  nodeCount: number;
  /** Node ids (bigint in Postgres, exact in float64). */
  nodeIds: Float64Array;
  /** Index of the parent node, -1 for the root (and for a parent missing from the answer). */
  parentIndex: Int32Array;
  creatorIds: Int32Array;
  /** xyz interleaved, nm. */
  positions: Float32Array;
  /** nm; <= 0 means "no radius". */
  radii: Float32Array;
  /** 1–5, 5 = most confident. */
  confidences: Uint8Array;
  /** Epoch ms, only with `withHistory` (live rows: t_b = creation, t_a = last edition). */
  creationTimes?: Float64Array;
  editionTimes?: Float64Array;
  /** Index of the first node without parent, -1 for an empty skeleton. */
  rootIndex: number;
  connectors: SkeletonConnectors;
  /** Tag name → node indices. */
  tags: Map<string, Int32Array>;
  /** First node tagged `soma` (some skeletons tag several), else -1. */
  somaIndex: number;
  reviews: SkeletonReviews;
  /** Annotation ids of the skeleton's neuron (names via the annotations list). */
  annotationIds: number[];
}

/** The buffers to list as transferables when posting a SkeletonDetail out of a worker. */
export function skeletonTransferables(d: SkeletonDetail): ArrayBuffer[] {
  return buffersOf([
    d.nodeIds,
    d.parentIndex,
    d.creatorIds,
    d.positions,
    d.radii,
    d.confidences,
    d.creationTimes,
    d.editionTimes,
    d.connectors.nodeIndex,
    d.connectors.connectorIds,
    d.connectors.relations,
    d.connectors.positions,
    d.connectors.linkUserIds,
    d.reviews.nodeIndex,
    d.reviews.reviewerIds,
    d.reviews.reviewTimes,
    ...d.tags.values(),
  ]);
}

/** node id → node index, built on demand (most consumers only need indices). */
export function nodeIndexById(d: SkeletonDetail): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < d.nodeCount; i++) map.set(d.nodeIds[i] ?? Number.NaN, i);
  return map;
}
