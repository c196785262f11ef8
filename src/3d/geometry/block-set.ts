/**
 * Merged layer buffers that grow without re-uploading what is already on the GPU: vertices go
 * into fixed-capacity blocks (one BufferGeometry, hence one draw call, per block), appended in
 * place; each block records the range written since it was last synced. Draw calls therefore
 * depend on the number of vertices / block size, never on the number of neurons.
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
  /** More decimated index pairs, drawn on screen when the scene is huge. */
  readonly coarseIndices: Uint32Array | null;
  vertexCount: number;
  indexCount: number;
  lodCount: number;
  coarseCount: number;
  /** Vertices / indices written since the last `markSynced` ([start, end) ranges). */
  dirtyVertices: [number, number] | null;
  dirtyIndices: [number, number] | null;
  dirtyLod: [number, number] | null;
  dirtyCoarse: [number, number] | null;
  /**
   * Vertices whose info was rewritten in place (`setInfoComponent`) since the last sync: the
   * GPU copy of that range must be sent again even where it was uploaded before.
   */
  rewrittenInfo?: [number, number] | null;
}

export interface Placement {
  blockId: number;
  vertexStart: number;
  vertexCount: number;
  indexStart: number;
  indexCount: number;
}

export interface PieceInput {
  positions: Float32Array;
  info: Uint16Array;
  /** Local index pairs into this piece's vertices. */
  indices?: Uint32Array;
  lodIndices?: Uint32Array;
  coarseIndices?: Uint32Array;
}

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

  private blockFor(vertices: number, indices: number, coarse: number): Block {
    const last = this.blocks[this.blocks.length - 1];
    if (
      last &&
      last.vertexCount + vertices <= last.capacity &&
      (!last.indices || last.indexCount + indices <= last.indices.length) &&
      (!last.coarseIndices || last.coarseCount + coarse <= last.coarseIndices.length)
    ) {
      return last;
    }
    // A piece bigger than a block gets a block of its own size.
    const capacity = Math.max(this.blockVertices, vertices);
    const block: Block = {
      id: this.blocks.length,
      capacity,
      positions: new Float32Array(capacity * 3),
      info: new Uint16Array(capacity * this.infoSize),
      indices: this.indexed ? new Uint32Array(Math.max(capacity * 2, indices)) : null,
      lodIndices: this.indexed ? new Uint32Array(Math.max(capacity * 2, indices)) : null,
      // Coarse pairs are a fraction of the edges; a piece with more starts a new block.
      coarseIndices: this.indexed ? new Uint32Array(Math.max(capacity, coarse)) : null,
      vertexCount: 0,
      indexCount: 0,
      lodCount: 0,
      coarseCount: 0,
      dirtyVertices: null,
      dirtyIndices: null,
      dirtyLod: null,
      dirtyCoarse: null,
    };
    this.blocks.push(block);
    return block;
  }

  /** Copies a piece in; `slot` is written into the first info component of every vertex. */
  append(piece: PieceInput, slot: number): Placement {
    const vertices = piece.positions.length / 3;
    const indexCount = this.indexed ? (piece.indices?.length ?? 0) : 0;
    const coarse = this.indexed ? (piece.coarseIndices?.length ?? 0) : 0;
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
    if (block.coarseIndices && piece.coarseIndices) {
      const c0 = block.coarseCount;
      block.coarseCount = appendPairs(block.coarseIndices, c0, piece.coarseIndices, v0);
      block.dirtyCoarse = widen(block.dirtyCoarse, c0, block.coarseCount);
    }
    return {
      blockId: block.id,
      vertexStart: v0,
      vertexCount: vertices,
      indexStart: i0,
      indexCount,
    };
  }

  /** Writes `values` (one per vertex of `p`) into info component `component`, in place. */
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
  }

  markSynced(): void {
    for (const b of this.blocks) {
      b.dirtyVertices = null;
      b.dirtyIndices = null;
      b.dirtyLod = null;
      b.dirtyCoarse = null;
      b.rewrittenInfo = null;
    }
  }

  get vertexCount(): number {
    return this.blocks.reduce((s, b) => s + b.vertexCount, 0);
  }
}
