/**
 * Everything the 3D scene draws, as plain typed arrays: one BlockSet for skeleton lines, one for
 * connector points, the list of somata and the scene bounds. Skeletons are added incrementally
 * (never rebuilt); each gets a slot, the index into the per-neuron colour palette. Picking maps
 * (block, vertex) back to (skeleton, node) by binary search over the placements.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { BlockSet, type Placement } from './block-set.ts';
import { LINE_INFO_SIZE, POINT_INFO_SIZE, type SkeletonPiece } from './skeleton-piece.ts';
import { maxOrder } from '../../analysis/morphology/strahler.ts';

export interface SkeletonRecord {
  skeletonId: number;
  slot: number;
  detail: SkeletonDetail;
  strahler: Uint8Array;
  lines: Placement;
  connectors: Placement | null;
  /** Connectors and soma added from a second, richer answer (SceneModel.enrich). */
  enriched?: boolean;
  /** Of its nodes (one pass on arrival; "Frame all" reads it for every visible neuron). */
  bounds: Bounds;
}

export interface Soma {
  slot: number;
  skeletonId: number;
  nodeIndex: number;
  position: [number, number, number];
  /** nm; the node radius, or a default when the soma node has none. */
  radius: number;
}

export interface Bounds {
  min: [number, number, number];
  max: [number, number, number];
}

const DEFAULT_SOMA_RADIUS_NM = 1000;
const LINE_BLOCK_VERTICES = 1 << 19;
const POINT_BLOCK_VERTICES = 1 << 16;

export function emptyBounds(): Bounds {
  return { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
}

function extendBounds(b: Bounds, positions: Float32Array): void {
  let [x0, y0, z0] = b.min;
  let [x1, y1, z1] = b.max;
  for (let i = 0; i + 2 < positions.length; i += 3) {
    const x = positions[i] ?? 0;
    const y = positions[i + 1] ?? 0;
    const z = positions[i + 2] ?? 0;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (z < z0) z0 = z;
    if (z > z1) z1 = z;
  }
  b.min = [x0, y0, z0];
  b.max = [x1, y1, z1];
}

export class SceneModel {
  readonly lines = new BlockSet(LINE_INFO_SIZE, LINE_BLOCK_VERTICES, true);
  readonly points = new BlockSet(POINT_INFO_SIZE, POINT_BLOCK_VERTICES, false);
  readonly records: SkeletonRecord[] = [];
  readonly bySkeleton = new Map<number, SkeletonRecord>();
  readonly somata: Soma[] = [];
  readonly bounds = emptyBounds();
  maxStrahler = 1;
  nodeCount = 0;
  /** Per line block, records in placement order (for picking). */
  private readonly lineRecords: SkeletonRecord[][] = [];

  add(detail: SkeletonDetail, piece: SkeletonPiece): SkeletonRecord {
    const existing = this.bySkeleton.get(detail.skeletonId);
    if (existing) return existing;
    const slot = this.records.length;
    const lines = this.lines.append(
      {
        positions: detail.positions,
        info: piece.lineInfo,
        indices: piece.edges,
        lodIndices: piece.lodEdges,
        coarse: {
          source: piece.coarseSource,
          positions: piece.coarsePositions,
          info: piece.coarseInfo,
          indices: piece.coarseCompactEdges,
        },
      },
      slot,
    );
    const connectors =
      piece.connectorInfo.length > 0
        ? this.points.append(
            { positions: piece.connectorPositions, info: piece.connectorInfo },
            slot,
          )
        : null;
    const record: SkeletonRecord = {
      skeletonId: detail.skeletonId,
      slot,
      detail,
      strahler: piece.strahler,
      lines,
      connectors,
      bounds: emptyBounds(),
    };
    extendBounds(record.bounds, detail.positions);
    this.records.push(record);
    this.bySkeleton.set(detail.skeletonId, record);
    (this.lineRecords[lines.blockId] ??= []).push(record);
    this.nodeCount += detail.nodeCount;
    this.maxStrahler = Math.max(this.maxStrahler, maxOrder(piece.strahler));
    for (let i = 0; i < 3; i++) {
      this.bounds.min[i] = Math.min(
        this.bounds.min[i] ?? Infinity,
        record.bounds.min[i] ?? Infinity,
      );
      this.bounds.max[i] = Math.max(
        this.bounds.max[i] ?? -Infinity,
        record.bounds.max[i] ?? -Infinity,
      );
    }
    this.addSoma(slot, detail);
    return record;
  }

  /**
   * Adds what a skeleton drawn from its geometry-only answer lacked: its connector points and
   * soma, from the answer with connectors and tags (geometry first). The lines stay as drawn;
   * the record takes the richer detail (tags for markers, connectors for picking and export)
   * only when it describes the same nodes (an edit in between would misplace picks). false:
   * the skeleton is not in the scene, or already has them.
   */
  enrich(detail: SkeletonDetail, piece: SkeletonPiece): boolean {
    const record = this.bySkeleton.get(detail.skeletonId);
    if (!record || record.enriched) return false;
    record.enriched = true;
    if (record.connectors === null && piece.connectorInfo.length > 0) {
      record.connectors = this.points.append(
        { positions: piece.connectorPositions, info: piece.connectorInfo },
        record.slot,
      );
    }
    const same =
      detail.nodeCount === record.detail.nodeCount &&
      detail.nodeIds.every((id, i) => id === record.detail.nodeIds[i]);
    if (record.detail.somaIndex < 0) this.addSoma(record.slot, same ? detail : record.detail);
    // The compartment codes need the synapses this answer brought: a skeleton drawn from a
    // geometry-only answer had none to split by (scene-compartments.ts splits it again).
    if (same) record.detail = detail;
    return true;
  }

  private addSoma(slot: number, detail: SkeletonDetail): void {
    const s = detail.somaIndex;
    if (s < 0 || s >= detail.nodeCount) return;
    const r = detail.radii[s] ?? 0;
    this.somata.push({
      slot,
      skeletonId: detail.skeletonId,
      nodeIndex: s,
      position: [
        detail.positions[s * 3] ?? 0,
        detail.positions[s * 3 + 1] ?? 0,
        detail.positions[s * 3 + 2] ?? 0,
      ],
      radius: r > 0 ? r : DEFAULT_SOMA_RADIUS_NM,
    });
  }

  /** The skeleton and node drawn at `vertex` of line block `blockId`, or null. */
  pick(blockId: number, vertex: number): { record: SkeletonRecord; nodeIndex: number } | null {
    const list = this.lineRecords[blockId];
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid];
      if (!r) return null;
      if (vertex < r.lines.vertexStart) hi = mid - 1;
      else if (vertex >= r.lines.vertexStart + r.lines.vertexCount) lo = mid + 1;
      else return { record: r, nodeIndex: vertex - r.lines.vertexStart };
    }
    return null;
  }
}
