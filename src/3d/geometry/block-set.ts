/**
 * Merged layer buffers that grow without re-uploading what is already on the GPU: vertices go
 * into fixed-capacity blocks (one BufferGeometry, hence one draw call, per block), appended in
 * place; each block records the range written since it was last synced. Draw calls therefore
 * depend on the number of vertices / block size, never on the number of neurons. Line blocks
 * also keep the coarse level in compact form (./coarse-compact.ts): the kept vertices' own
 * positions and info, so a huge scene drawn coarse needs none of the full vertex buffers.
 */

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

/** The coarse level of a piece in compact form (see Block). */
export interface CompactPiece {
  /** Local vertex of each compact vertex, ascending. */
  source: Uint32Array;
  positions: Float32Array;
  info: Uint16Array;
  /** Index pairs into the compact vertices. */
  indices: Uint32Array;
}

export interface PieceInput {
  positions: Float32Array;
  info: Uint16Array;
  /** Local index pairs into this piece's vertices. */
  indices?: Uint32Array;
  lodIndices?: Uint32Array;
  coarse?: CompactPiece;
}

/**
 * Compact coarse vertices per block vertex: the coarse level keeps about a tenth of the nodes
 * (every 16th along runs, plus branch points, leaves and roots); a piece that keeps more than
 * fits starts a new block.
 */
const COARSE_VERTEX_SHARE = 1 / 4;

function widen(range: [number, number] | null, start: number, end: number): [number, number] {
  return range ? [Math.min(range[0], start), Math.max(range[1], end)] : [start, end];
}

/** Copies local index pairs to `dst` from `at`, offset by the piece's first vertex; the new end. */
function appendPairs(dst: Uint32Array, at: number, src: Uint32Array, v0: number): number {
  for (let i = 0; i < src.length; i++) dst[at + i] = (src[i] ?? 0) + v0;
  return at + src.length;
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
    const coarseCapacity = Math.max(Math.ceil(capacity * COARSE_VERTEX_SHARE), kept);
    const block: Block = {
      id: this.blocks.length,
      capacity,
      positions: new Float32Array(capacity * 3),
      info: new Uint16Array(capacity * this.infoSize),
      indices: lines ? new Uint32Array(Math.max(capacity * 2, indices)) : null,
      lodIndices: lines ? new Uint32Array(Math.max(capacity * 2, indices)) : null,
      // Each kept vertex but a root has one coarse edge: two entries per compact vertex.
      coarseIndices: lines ? new Uint32Array(Math.max(coarseCapacity * 2, pairs)) : null,
      coarsePositions: lines ? new Float32Array(coarseCapacity * 3) : null,
      coarseInfo: lines ? new Uint16Array(coarseCapacity * this.infoSize) : null,
      coarseSource: lines ? new Uint32Array(coarseCapacity) : null,
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
    block.positions.set(piece.positions, v0 * 3);
    const size = this.infoSize;
    block.info.set(piece.info.subarray(0, vertices * size), v0 * size);
    for (let i = 0, k = v0 * size; i < vertices; i++, k += size) block.info[k] = slot;
    block.vertexCount += vertices;
    block.dirtyVertices = widen(block.dirtyVertices, v0, v0 + vertices);
    const i0 = block.indexCount;
    if (block.indices && piece.indices) {
      const src = piece.indices;
      const dst = block.indices;
      for (let i = 0; i < indexCount; i++) dst[i0 + i] = (src[i] ?? 0) + v0;
      block.indexCount += indexCount;
      block.dirtyIndices = widen(block.dirtyIndices, i0, i0 + indexCount);
    }
    if (block.lodIndices && piece.lodIndices) {
      const l0 = block.lodCount;
      block.lodCount = appendPairs(block.lodIndices, l0, piece.lodIndices, v0);
      block.dirtyLod = widen(block.dirtyLod, l0, block.lodCount);
    }
    const c0 = block.coarseVertexCount;
    const kept = coarse ? this.appendCoarse(block, coarse, v0, slot) : 0;
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

  /** Appends a piece's compact coarse vertices and pairs; the number of vertices added. */
  private appendCoarse(block: Block, coarse: CompactPiece, v0: number, slot: number): number {
    const { coarseIndices, coarsePositions, coarseInfo, coarseSource } = block;
    if (!coarseIndices || !coarsePositions || !coarseInfo || !coarseSource) return 0;
    const c0 = block.coarseVertexCount;
    const kept = coarse.source.length;
    const size = this.infoSize;
    coarsePositions.set(coarse.positions.subarray(0, kept * 3), c0 * 3);
    coarseInfo.set(coarse.info.subarray(0, kept * size), c0 * size);
    for (let i = 0, k = c0 * size; i < kept; i++, k += size) coarseInfo[k] = slot;
    appendPairs(coarseSource, c0, coarse.source, v0);
    block.coarseVertexCount += kept;
    block.dirtyCoarseVertices = widen(block.dirtyCoarseVertices, c0, c0 + kept);
    const p0 = block.coarseCount;
    block.coarseCount = appendPairs(coarseIndices, p0, coarse.indices, c0);
    block.dirtyCoarse = widen(block.dirtyCoarse, p0, block.coarseCount);
    return kept;
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
    const { coarseInfo, coarseSource } = block;
    if (!coarseInfo || !coarseSource || p.coarseVertexCount === 0) return;
    const c0 = p.coarseVertexStart;
    const c1 = c0 + p.coarseVertexCount;
    for (let c = c0; c < c1; c++) {
      coarseInfo[c * size + component] = values[(coarseSource[c] ?? 0) - p.vertexStart] ?? 0;
    }
    block.rewrittenCoarseInfo = widen(block.rewrittenCoarseInfo ?? null, c0, c1);
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
    }
  }

  get vertexCount(): number {
    return this.blocks.reduce((s, b) => s + b.vertexCount, 0);
  }
}
