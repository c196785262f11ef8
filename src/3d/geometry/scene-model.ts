/**
 * Everything the 3D scene draws, as plain typed arrays: one BlockSet for skeleton lines, one for
 * connector points, the list of somata and the scene bounds. Skeletons are added incrementally
 * (never rebuilt); each gets a slot, the index into the per-neuron colour palette. Picking maps
 * (block, vertex) back to (skeleton, node) by binary search over the placements.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { BlockSet, type Placement } from './block-set.ts';
import type { DisplayPiece } from './display-piece.ts';
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
  /** The soma node's Strahler order and creator (its colour in those modes). */
  strahler: number;
  creator: number;
}

/**
 * A skeleton drawn from its display form only (./display-piece.ts): its coarse level, synapses
 * and soma are in the scene, its full vertices reserved until the full skeleton arrives (`add`
 * then fills them in and it becomes a SkeletonRecord).
 */
export interface DisplayRecord {
  skeletonId: number;
  slot: number;
  nodeCount: number;
  lines: Placement;
  connectors: Placement | null;
  bounds: Bounds;
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
  /** Skeletons whose full data is in (picking, per-node colours and exports read these). */
  readonly records: SkeletonRecord[] = [];
  readonly bySkeleton = new Map<number, SkeletonRecord>();
  /** Skeletons drawn from their display form, full data still to come. */
  readonly displayed = new Map<number, DisplayRecord>();
  /** The skeleton of each palette slot (records and displayed ones). */
  readonly slotSkeleton: number[] = [];
  /** Bumped whenever something new is drawn (not when a displayed skeleton is filled in). */
  drawnVersion = 0;
  readonly somata: Soma[] = [];
  readonly bounds = emptyBounds();
  maxStrahler = 1;
  nodeCount = 0;
  /** Per line block, records in placement order (for picking). */
  private readonly lineRecords: SkeletonRecord[][] = [];

  /** Whether the skeleton is drawn (in full or from its display form). */
  has(skeletonId: number): boolean {
    return this.bySkeleton.has(skeletonId) || this.displayed.has(skeletonId);
  }

  /** The skeleton's palette slot, if it is drawn. */
  slotOf(skeletonId: number): number | undefined {
    return (this.bySkeleton.get(skeletonId) ?? this.displayed.get(skeletonId))?.slot;
  }

  /** Its line placement (the full vertices: reserved only, for a displayed one). */
  linesOf(skeletonId: number): Placement | undefined {
    return (this.bySkeleton.get(skeletonId) ?? this.displayed.get(skeletonId))?.lines;
  }

  private newSlot(skeletonId: number): number {
    this.slotSkeleton.push(skeletonId);
    return this.slotSkeleton.length - 1;
  }

  /** Draws a skeleton from its display form (nothing if it is drawn already). */
  addDisplay(p: DisplayPiece): void {
    if (this.has(p.skeletonId)) return;
    const slot = this.newSlot(p.skeletonId);
    const lines = this.lines.reserve(p.nodeCount, p.coarse, slot);
    const connectors =
      p.connectorInfo.length > 0
        ? this.points.append({ positions: p.connectorPositions, info: p.connectorInfo }, slot)
        : null;
    const bounds = { min: [...p.bounds.min], max: [...p.bounds.max] } as Bounds;
    this.displayed.set(p.skeletonId, {
      skeletonId: p.skeletonId,
      slot,
      nodeCount: p.nodeCount,
      lines,
      connectors,
      bounds,
    });
    this.nodeCount += p.nodeCount;
    this.maxStrahler = Math.max(this.maxStrahler, p.maxStrahler);
    this.extendSceneBounds(bounds);
    if (p.soma) {
      const { nodeIndex, position, radius, strahler, creator } = p.soma;
      const r = radius > 0 ? radius : DEFAULT_SOMA_RADIUS_NM;
      this.somata.push({
        slot,
        skeletonId: p.skeletonId,
        nodeIndex,
        position,
        radius: r,
        strahler,
        creator,
      });
    }
    this.drawnVersion++;
  }

  add(detail: SkeletonDetail, piece: SkeletonPiece): SkeletonRecord {
    const existing = this.bySkeleton.get(detail.skeletonId);
    if (existing) return existing;
    const shown = this.displayed.get(detail.skeletonId);
    if (shown) this.displayed.delete(detail.skeletonId);
    // Edited between its display form and now (another node count): the full skeleton gets
    // vertices of its own, and the coarse level keeps the picture drawn, as of its load.
    const fill = shown?.nodeCount === detail.nodeCount ? shown : undefined;
    const slot = shown?.slot ?? this.newSlot(detail.skeletonId);
    const input = {
      positions: detail.positions,
      info: piece.lineInfo,
      indices: piece.edges,
      lodIndices: piece.lodEdges,
      coarse: shown
        ? undefined
        : {
            source: piece.coarseSource,
            positions: piece.coarsePositions,
            info: piece.coarseInfo,
            indices: piece.coarseCompactEdges,
          },
    };
    const lines = fill ? this.lines.fill(fill.lines, input, slot) : this.lines.append(input, slot);
    const connectors =
      shown?.connectors ??
      (piece.connectorInfo.length > 0
        ? this.points.append(
            { positions: piece.connectorPositions, info: piece.connectorInfo },
            slot,
          )
        : null);
    const record: SkeletonRecord = {
      skeletonId: detail.skeletonId,
      slot,
      detail,
      strahler: piece.strahler,
      lines,
      connectors,
      bounds: shown?.bounds ?? emptyBounds(),
    };
    if (!shown) extendBounds(record.bounds, detail.positions);
    this.records.push(record);
    this.bySkeleton.set(detail.skeletonId, record);
    insertByVertex((this.lineRecords[lines.blockId] ??= []), record);
    this.nodeCount += detail.nodeCount - (shown?.nodeCount ?? 0);
    this.maxStrahler = Math.max(this.maxStrahler, maxOrder(piece.strahler));
    if (shown) return record;
    this.extendSceneBounds(record.bounds);
    this.addSoma(slot, detail, piece.strahler);
    this.drawnVersion++;
    return record;
  }

  private extendSceneBounds(b: Bounds): void {
    for (let i = 0; i < 3; i++) {
      this.bounds.min[i] = Math.min(this.bounds.min[i] ?? Infinity, b.min[i] ?? Infinity);
      this.bounds.max[i] = Math.max(this.bounds.max[i] ?? -Infinity, b.max[i] ?? -Infinity);
    }
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
    if (record.detail.somaIndex < 0 && !this.somata.some((s) => s.skeletonId === record.skeletonId))
      this.addSoma(record.slot, same ? detail : record.detail, record.strahler);
    // The compartment codes need the synapses this answer brought: a skeleton drawn from a
    // geometry-only answer had none to split by (scene-compartments.ts splits it again).
    if (same) record.detail = detail;
    return true;
  }

  private addSoma(slot: number, detail: SkeletonDetail, strahler: Uint8Array): void {
    const s = detail.somaIndex;
    if (s < 0 || s >= detail.nodeCount) return;
    const r = detail.radii[s] ?? 0;
    this.somata.push({
      strahler: strahler[s] ?? 1,
      creator: Math.min(Math.max(detail.creatorIds[s] ?? 0, 0), 65535),
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

/** Keeps a block's records in vertex order (picking searches them); fills come in any order. */
function insertByVertex(list: SkeletonRecord[], record: SkeletonRecord): void {
  let i = list.length;
  while (i > 0 && (list[i - 1]?.lines.vertexStart ?? 0) > record.lines.vertexStart) i--;
  list.splice(i, 0, record);
}
