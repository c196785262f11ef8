/**
 * Merged layer buffers that grow without re-uploading what is already on the GPU: vertices go
 * into fixed-capacity blocks (one BufferGeometry, hence one draw call, per block), appended in
 * place; each block records the range written since it was last synced. Draw calls therefore
 * depend on the number of vertices / block size, never on the number of neurons. Line blocks
 * also keep the coarse level in compact form (./coarse-compact.ts): the kept vertices' own
 * positions and info, so a huge scene drawn coarse needs none of the full vertex buffers.
 */
import {
  appendCoarse,
  coarseCapacity,
  setCoarseInfoComponent,
  type CompactPiece,
} from './block-set-coarse.ts';
import { appendInfoRows, appendOffset, widen } from './block-ranges.ts';

export type { CompactPiece };

export interface Block {
  readonly id: number;
  readonly capacity: number;
  readonly positions: Float32Array;
  readonly info: Uint16Array;
  /** Index pairs (lines) or null (points: drawn in vertex order). */
  readonly indices: Uint32Array | null;
  /** Decimated index pairs (same vertices), drawn on screen when the scene is big. */
  readonly lodIndices: Uint32Array | null;
  /** The coarse level (huge scenes on screen): index pairs into the compact vertices below. */
  readonly coarseIndices: Uint32Array | null;
  /** Compact coarse vertices: positions, info rows and their block vertex (compact → block). */
  readonly coarsePositions: Float32Array | null;
  readonly coarseInfo: Uint16Array | null;
  readonly coarseSource: Uint32Array | null;
  vertexCount: number;
  indexCount: number;
  lodCount: number;
  coarseCount: number;
  coarseVertexCount: number;
  /** Vertices / indices written since the last `markSynced` ([start, end) ranges). */
  dirtyVertices: [number, number] | null;
  dirtyIndices: [number, number] | null;
  dirtyLod: [number, number] | null;
  dirtyCoarse: [number, number] | null;
  dirtyCoarseVertices: [number, number] | null;
  /**
   * Vertices whose info was rewritten in place (`setInfoComponent`) since the last sync: the
   * GPU copy of that range must be sent again even where it was uploaded before.
   */
  rewrittenInfo?: [number, number] | null;
  /** The same for the compact coarse vertices. */
  rewrittenCoarseInfo?: [number, number] | null;
  /**
   * Reserved vertices written since the last sync (`fill`): positions and info of that range
   * must be sent again where the upload prefix had already passed over them.
   */
  rewrittenVertices?: [number, number] | null;
}

export interface Placement {
  blockId: number;
  vertexStart: number;
  vertexCount: number;
  indexStart: number;
  indexCount: number;
  /** The piece's compact coarse vertices in the block (line blocks; 0 / 0 otherwise). */
  coarseVertexStart: number;
  coarseVertexCount: number;
}

export interface PieceInput {
  positions: Float32Array;
  info: Uint16Array;
  /** Local index pairs into this piece's vertices. */
  indices?: Uint32Array;
  lodIndices?: Uint32Array;
  coarse?: CompactPiece;
}

export class BlockSet {
  readonly blocks: Block[] = [];

  constructor(
    readonly infoSize: number,
    readonly blockVertices: number,
    readonly indexed: boolean,
  ) {}

  private blockFor(vertices: number, indices: number, coarse: CompactPiece | undefined): Block {
    const last = this.blocks[this.blocks.length - 1];
    const kept = coarse?.source.length ?? 0;
    const pairs = coarse?.indices.length ?? 0;
    if (
      last &&
      last.vertexCount + vertices <= last.capacity &&
      (!last.indices || last.indexCount + indices <= last.indices.length) &&
      (!last.coarseSource || last.coarseVertexCount + kept <= last.coarseSource.length) &&
      (!last.coarseIndices || last.coarseCount + pairs <= last.coarseIndices.length)
    ) {
      return last;
    }
    // A piece bigger than a block gets a block of its own size.
    const capacity = Math.max(this.blockVertices, vertices);
    const lines = this.indexed;
    const compact = coarseCapacity(capacity, kept);
    const block: Block = {
      id: this.blocks.length,
      capacity,
      positions: new Float32Array(capacity * 3),
      info: new Uint16Array(capacity * this.infoSize),
      indices: lines ? new Uint32Array(Math.max(capacity * 2, indices)) : null,
      lodIndices: lines ? new Uint32Array(Math.max(capacity * 2, indices)) : null,
      // Each kept vertex but a root has one coarse edge: two entries per compact vertex.
      coarseIndices: lines ? new Uint32Array(Math.max(compact * 2, pairs)) : null,
      coarsePositions: lines ? new Float32Array(compact * 3) : null,
      coarseInfo: lines ? new Uint16Array(compact * this.infoSize) : null,
      coarseSource: lines ? new Uint32Array(compact) : null,
      vertexCount: 0,
      indexCount: 0,
      lodCount: 0,
      coarseCount: 0,
      coarseVertexCount: 0,
      dirtyVertices: null,
      dirtyIndices: null,
      dirtyLod: null,
      dirtyCoarse: null,
      dirtyCoarseVertices: null,
    };
    this.blocks.push(block);
    return block;
  }

  /** Copies a piece in; `slot` is written into the first info component of every vertex. */
  append(piece: PieceInput, slot: number): Placement {
    const vertices = piece.positions.length / 3;
    const indexCount = this.indexed ? (piece.indices?.length ?? 0) : 0;
    const coarse = this.indexed ? piece.coarse : undefined;
    const block = this.blockFor(vertices, indexCount, coarse);
    const v0 = block.vertexCount;
    block.vertexCount += vertices;
    this.writeVertices(block, v0, piece, slot);
    block.dirtyVertices = widen(block.dirtyVertices, v0, v0 + vertices);
    const i0 = block.indexCount;
    const c0 = block.coarseVertexCount;
    const kept = coarse ? appendCoarse(block, this.infoSize, coarse, v0, slot) : 0;
    return {
      blockId: block.id,
      vertexStart: v0,
      vertexCount: vertices,
      indexStart: i0,
      indexCount,
      coarseVertexStart: c0,
      coarseVertexCount: kept,
    };
  }

  /**
   * Room for a line piece whose full vertices come later (display first, ./display-piece.ts):
   * only its compact coarse level is written now, which is all a huge scene draws; `fill`
   * writes the rest into the reserved vertices. Pairs never outnumber vertices, so the block's
   * index arrays (two entries per vertex) hold the filled pairs whatever the order of fills.
   */
  reserve(vertices: number, coarse: CompactPiece, slot: number): Placement {
    const block = this.blockFor(vertices, 0, coarse);
    const v0 = block.vertexCount;
    block.vertexCount += vertices;
    const c0 = block.coarseVertexCount;
    const kept = appendCoarse(block, this.infoSize, coarse, v0, slot);
    return {
      blockId: block.id,
      vertexStart: v0,
      vertexCount: vertices,
      indexStart: block.indexCount,
      indexCount: 0,
      coarseVertexStart: c0,
      coarseVertexCount: kept,
    };
  }

  /**
   * Writes the full piece into the vertices `reserve` kept for it (its compact coarse copy is
   * there already); the placement with its pairs.
   */
  fill(p: Placement, piece: PieceInput, slot: number): Placement {
    const block = this.blocks[p.blockId];
    const vertices = piece.positions.length / 3;
    if (!block || vertices !== p.vertexCount) throw new RangeError('not the reserved piece');
    const v0 = p.vertexStart;
    const i0 = block.indexCount;
    this.writeVertices(block, v0, piece, slot);
    block.rewrittenVertices = widen(block.rewrittenVertices ?? null, v0, v0 + vertices);
    block.dirtyVertices = widen(block.dirtyVertices, v0, v0 + vertices);
    return { ...p, indexStart: i0, indexCount: block.indexCount - i0 };
  }

  /** Positions, info rows (slot stamped) and pairs of a piece placed at block vertex `v0`. */
  private writeVertices(block: Block, v0: number, piece: PieceInput, slot: number): void {
    const vertices = piece.positions.length / 3;
    block.positions.set(piece.positions, v0 * 3);
    appendInfoRows(block.info, v0, piece.info, vertices, this.infoSize, slot);
    const i0 = block.indexCount;
    if (block.indices && piece.indices) {
      block.indexCount = appendOffset(block.indices, i0, piece.indices, v0);
      block.dirtyIndices = widen(block.dirtyIndices, i0, block.indexCount);
    }
    if (block.lodIndices && piece.lodIndices) {
      const l0 = block.lodCount;
      block.lodCount = appendOffset(block.lodIndices, l0, piece.lodIndices, v0);
      block.dirtyLod = widen(block.dirtyLod, l0, block.lodCount);
    }
  }

  /**
   * Writes `values` (one per vertex of `p`) into info component `component`, in place, in the
   * full vertices and in the compact coarse copies of the kept ones.
   */
  setInfoComponent(p: Placement, component: number, values: ArrayLike<number>): void {
    const block = this.blocks[p.blockId];
    if (!block || component < 0 || component >= this.infoSize) return;
    const size = this.infoSize;
    for (let i = 0, k = p.vertexStart * size + component; i < p.vertexCount; i++, k += size) {
      block.info[k] = values[i] ?? 0;
    }
    block.rewrittenInfo = widen(
      block.rewrittenInfo ?? null,
      p.vertexStart,
      p.vertexStart + p.vertexCount,
    );
    setCoarseInfoComponent(block, size, p, component, values);
  }

  markSynced(): void {
    for (const b of this.blocks) {
      b.dirtyVertices = null;
      b.dirtyIndices = null;
      b.dirtyLod = null;
      b.dirtyCoarse = null;
      b.dirtyCoarseVertices = null;
      b.rewrittenInfo = null;
      b.rewrittenCoarseInfo = null;
      b.rewrittenVertices = null;
    }
  }

  get vertexCount(): number {
    return this.blocks.reduce((s, b) => s + b.vertexCount, 0);
  }
}
