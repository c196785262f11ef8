/**
 * Per-skeleton geometry pieces, built once (in the worker) and copied into the merged layer
 * buffers: skeleton edges as local index pairs plus per-vertex attributes, and connector points.
 */
import { RELATION, type SkeletonDetail } from '../../api/skeleton-detail.ts';
import { strahlerOrders } from '../../analysis/morphology/strahler.ts';
import { compactCoarse } from './coarse-compact.ts';
import { buffersOf } from '../../lib/transferables.ts';

/**
 * Vertex attribute layout of the line layer, as u16: [slot, strahler order | compartment << 8,
 * creator id, per-node code]. The compartment (./compartments.ts) and the code of the active
 * per-node colour mode (scene-node-codes.ts) are written later, on the main thread, only when
 * their colour mode asks (scene-compartments.ts): 0 until then.
 */
export const LINE_INFO_SIZE = 4;
/** Vertex attribute layout of the connector layer: [slot, kind] as u16. */
export const POINT_INFO_SIZE = 2;
export const CONNECTOR_KIND = { pre: 0, post: 1, other: 2 } as const;
/** Ids above this share the last palette entry (CATMAID user ids are small in practice). */
const MAX_U16 = 65535;

export interface SkeletonPiece {
  /** Local [child, parent] index pairs, one per node that has a parent. */
  edges: Uint32Array;
  /** Decimated edges for big scenes on screen: unbranched runs keep every LOD_STRIDE-th node. */
  lodEdges: Uint32Array;
  /**
   * Edges decimated further (COARSE_STRIDE) for huge scenes on screen, as local pairs (what
   * cached copies keep).
   */
  coarseEdges: Uint32Array;
  /**
   * The coarse level in compact form (./coarse-compact.ts), drawn from vertex buffers of its
   * own: the kept vertices' local indices (ascending), their positions and info rows (slot 0,
   * as in lineInfo), and `coarseEdges` re-indexed into them.
   */
  coarseSource: Uint32Array;
  coarsePositions: Float32Array;
  coarseInfo: Uint16Array;
  coarseCompactEdges: Uint32Array;
  /** nodeCount × LINE_INFO_SIZE, slot left 0 (set when placed into the scene). */
  lineInfo: Uint16Array;
  strahler: Uint8Array;
  /** Connector positions (xyz) and [slot, kind] rows, pre and post first. */
  connectorPositions: Float32Array;
  connectorInfo: Uint16Array;
}

function connectorKind(relation: number): number {
  if (relation === RELATION.presynaptic) return CONNECTOR_KIND.pre;
  if (relation === RELATION.postsynaptic) return CONNECTOR_KIND.post;
  return CONNECTOR_KIND.other;
}

export function skeletonEdges(parentIndex: Int32Array): Uint32Array {
  let count = 0;
  for (let i = 0; i < parentIndex.length; i++) if ((parentIndex[i] ?? -1) >= 0) count++;
  const edges = new Uint32Array(count * 2);
  let k = 0;
  for (let i = 0; i < parentIndex.length; i++) {
    const p = parentIndex[i] ?? -1;
    if (p < 0) continue;
    edges[k++] = i;
    edges[k++] = p;
  }
  return edges;
}

const LOD_STRIDE = 4;
/**
 * Software GL draws a frame in time proportional to the segments (about 0.5 µs each here): at
 * 10 million nodes the stride-4 decimation still leaves ~3 million, seconds per frame. A scene
 * that big is an overview, where runs of 16 nodes (a few µm of cable) are a few pixels long.
 */
const COARSE_STRIDE = 16;

/**
 * Edges of decimated trees, one list per stride, from one walk: roots, branch points and leaves
 * are kept, and every `stride`-th node along each unbranched run; kept nodes connect to their
 * nearest kept ancestor.
 */
export function decimatedLevels(
  parentIndex: Int32Array,
  strides: readonly number[],
): Uint32Array[] {
  const n = parentIndex.length;
  const children = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parentIndex[i] ?? -1;
    if (p >= 0) children[p] = (children[p] ?? 0) + 1;
  }
  const out = strides.map(() => [] as number[]);
  const from = new Int32Array(strides.length);
  for (let start = 0; start < n; start++) {
    if (children[start] === 1 || (parentIndex[start] ?? -1) < 0) continue;
    // Walk up the run from a leaf or branch point to the next branch point or root.
    from.fill(start);
    let steps = 0;
    let v = parentIndex[start] ?? -1;
    let guard = 0;
    while (v >= 0 && guard++ < n) {
      steps++;
      const end = children[v] !== 1 || (parentIndex[v] ?? -1) < 0;
      for (let k = 0; k < strides.length; k++) {
        if (!end && steps % (strides[k] ?? 1) !== 0) continue;
        out[k]?.push(from[k] ?? 0, v);
        from[k] = v;
      }
      if (end) break;
      v = parentIndex[v] ?? -1;
    }
  }
  return out.map((pairs) => Uint32Array.from(pairs));
}

/** Edges of one decimated tree (see decimatedLevels). */
export function decimatedEdges(parentIndex: Int32Array, stride = LOD_STRIDE): Uint32Array {
  return decimatedLevels(parentIndex, [stride])[0] ?? new Uint32Array(0);
}

/** The parts of a piece that cost more than a pass over the nodes (kept with cached copies). */
export type CostlyPieceParts = Pick<SkeletonPiece, 'strahler' | 'lodEdges'> &
  Partial<Pick<SkeletonPiece, 'coarseEdges'>>;

/**
 * Both decimations: a cached copy's, else from one walk (copies stored before the coarse level
 * existed lack it and get both again).
 */
function decimations(
  parentIndex: Int32Array,
  known: CostlyPieceParts | undefined,
): [Uint32Array, Uint32Array] {
  if (known?.lodEdges && known.coarseEdges) return [known.lodEdges, known.coarseEdges];
  const [lod = new Uint32Array(0), coarse = new Uint32Array(0)] = decimatedLevels(parentIndex, [
    LOD_STRIDE,
    COARSE_STRIDE,
  ]);
  return [lod, coarse];
}

/** What the display form of a skeleton takes from its piece (display-piece.ts). */
export type CoarseParts = Pick<
  SkeletonPiece,
  | 'coarseEdges'
  | 'coarseSource'
  | 'coarsePositions'
  | 'coarseInfo'
  | 'coarseCompactEdges'
  | 'lineInfo'
  | 'strahler'
  | 'connectorPositions'
  | 'connectorInfo'
>;

function coarseParts(
  d: SkeletonDetail,
  strahler: Uint8Array,
  coarseEdges: Uint32Array,
): CoarseParts {
  const n = d.nodeCount;
  const lineInfo = new Uint16Array(n * LINE_INFO_SIZE);
  for (let i = 0; i < n; i++) {
    // Strahler order in the low byte; the high byte takes the compartment code when the
    // compartment mode asks for it (scene-compartments.ts).
    lineInfo[i * LINE_INFO_SIZE + 1] = Math.min(strahler[i] ?? 1, 255);
    lineInfo[i * LINE_INFO_SIZE + 2] = Math.min(Math.max(d.creatorIds[i] ?? 0, 0), MAX_U16);
  }
  const coarse = compactCoarse(coarseEdges, d.positions, lineInfo, LINE_INFO_SIZE);
  const c = d.connectors;
  const m = c.relations.length;
  const connectorInfo = new Uint16Array(m * POINT_INFO_SIZE);
  for (let i = 0; i < m; i++)
    connectorInfo[i * POINT_INFO_SIZE + 1] = connectorKind(c.relations[i] ?? -1);
  return {
    coarseEdges,
    coarseSource: coarse.source,
    coarsePositions: coarse.positions,
    coarseInfo: coarse.info,
    coarseCompactEdges: coarse.edges,
    lineInfo,
    strahler,
    connectorPositions: c.positions,
    connectorInfo,
  };
}

/**
 * Only what the display form needs: no full-resolution edges and no stride-4 level. The
 * dashboard server derives a cold lab scene's display forms with this (server/cache), where the
 * parts left out were about a fifth of the work and garbage for nothing.
 */
export function buildCoarseParts(d: SkeletonDetail): CoarseParts {
  const [coarseEdges = new Uint32Array(0)] = decimatedLevels(d.parentIndex, [COARSE_STRIDE]);
  return coarseParts(d, strahlerOrders(d.parentIndex), coarseEdges);
}

/** `known`: Strahler orders and decimated edges computed before (a cached copy's). */
export function buildSkeletonPiece(d: SkeletonDetail, known?: CostlyPieceParts): SkeletonPiece {
  const strahler = known?.strahler ?? strahlerOrders(d.parentIndex);
  const [lodEdges, coarseEdges] = decimations(d.parentIndex, known);
  return {
    edges: skeletonEdges(d.parentIndex),
    lodEdges,
    ...coarseParts(d, strahler, coarseEdges),
  };
}

export function pieceTransferables(p: SkeletonPiece): ArrayBuffer[] {
  return buffersOf([
    p.edges,
    p.lodEdges,
    p.coarseEdges,
    p.coarseSource,
    p.coarsePositions,
    p.coarseInfo,
    p.coarseCompactEdges,
    p.lineInfo,
    p.strahler,
    p.connectorInfo,
  ]);
}
