/**
 * The coarse level of line blocks in compact form (./coarse-compact.ts): each block keeps the
 * kept vertices' positions and info rows in arrays of their own, with a compact → block vertex
 * map, so a huge scene drawn coarse needs none of the full vertex buffers on the GPU.
 */
import type { Block, Placement } from './block-set.ts';
import { appendInfoRows, appendOffset, widen } from './block-ranges.ts';

/** The coarse level of a piece in compact form (see Block). */
export interface CompactPiece {
  /** Local vertex of each compact vertex, ascending. */
  source: Uint32Array;
  positions: Float32Array;
  info: Uint16Array;
  /** Index pairs into the compact vertices. */
  indices: Uint32Array;
}

/**
 * Compact coarse vertices per block vertex: the coarse level keeps about a tenth of the nodes
 * (every 16th along runs, plus branch points, leaves and roots: 11 % of the demo's nodes, at
 * most 14 % in one neuron); a piece that keeps more than fits starts a new block.
 */
const COARSE_VERTEX_SHARE = 1 / 4;

/** Compact vertices of a new block of `capacity` vertices, for a first piece keeping `kept`. */
export function coarseCapacity(capacity: number, kept: number): number {
  return Math.max(Math.ceil(capacity * COARSE_VERTEX_SHARE), kept);
}

/**
 * Appends a piece's compact vertices (placed at block vertex `v0`, `slot` into info component
 * 0) and its pairs; returns the number of vertices added.
 */
export function appendCoarse(
  block: Block,
  size: number,
  coarse: CompactPiece,
  v0: number,
  slot: number,
): number {
  const { coarseIndices, coarsePositions, coarseInfo, coarseSource } = block;
  if (!coarseIndices || !coarsePositions || !coarseInfo || !coarseSource) return 0;
  const c0 = block.coarseVertexCount;
  const kept = coarse.source.length;
  coarsePositions.set(coarse.positions.subarray(0, kept * 3), c0 * 3);
  appendInfoRows(coarseInfo, c0, coarse.info, kept, size, slot);
  appendOffset(coarseSource, c0, coarse.source, v0);
  block.coarseVertexCount += kept;
  block.dirtyCoarseVertices = widen(block.dirtyCoarseVertices, c0, c0 + kept);
  const p0 = block.coarseCount;
  block.coarseCount = appendOffset(coarseIndices, p0, coarse.indices, c0);
  block.dirtyCoarse = widen(block.dirtyCoarse, p0, block.coarseCount);
  return kept;
}

/** setInfoComponent for the compact copies of a placed piece's kept vertices. */
export function setCoarseInfoComponent(
  block: Block,
  size: number,
  p: Placement,
  component: number,
  values: ArrayLike<number>,
): void {
  const { coarseInfo, coarseSource } = block;
  if (!coarseInfo || !coarseSource || p.coarseVertexCount === 0) return;
  const c0 = p.coarseVertexStart;
  const c1 = c0 + p.coarseVertexCount;
  for (let c = c0; c < c1; c++) {
    coarseInfo[c * size + component] = values[(coarseSource[c] ?? 0) - p.vertexStart] ?? 0;
  }
  block.rewrittenCoarseInfo = widen(block.rewrittenCoarseInfo ?? null, c0, c1);
}
