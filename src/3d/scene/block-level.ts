/**
 * The GPU side of one block of a BlockLayer, per detail level: the level's object and the
 * StreamedBuffers it draws from, created only when the level is first shown (full and
 * decimated share the block's vertex buffers; coarse has compact ones of its own), and the
 * order in which their data goes up.
 */
import * as THREE from 'three';
import type { Block } from '../geometry/block-set.ts';
import { asBufferAttribute, StreamedBuffer, type UploadBudget } from './streamed-buffer.ts';

export type Detail = 'full' | 'lod' | 'coarse';
export type Drawable = THREE.LineSegments | THREE.Points;

interface Vertices {
  pos: StreamedBuffer;
  info: StreamedBuffer;
}

export interface Level {
  object: Drawable;
  vertices: Vertices;
  index: StreamedBuffer | null;
}

export interface BlockObjects {
  block: Block;
  /** Full vertex buffers (drawn by the full and decimated levels), once one was shown. */
  vertices?: Vertices;
  /** The coarse level's compact vertex buffers, once it was shown. */
  compact?: Vertices;
  levels: Partial<Record<Detail, Level>>;
}

function geometry(v: Vertices, index: StreamedBuffer | null) {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', asBufferAttribute(v.pos.attribute));
  g.setAttribute('aInfo', asBufferAttribute(v.info.attribute));
  if (index) g.setIndex(asBufferAttribute(index.attribute));
  // Never culled; a fixed sphere keeps three.js from scanning GPU-only positions for sorting.
  g.boundingSphere = new THREE.Sphere(new THREE.Vector3(), 0);
  return g;
}

/** The level a block draws at `detail` (full detail where the block lacks that level). */
export function levelOf(block: Block, detail: Detail): Detail {
  if (detail === 'coarse' && block.coarseIndices) return 'coarse';
  if (detail === 'lod' && block.lodIndices) return 'lod';
  return 'full';
}

function vertexBuffers(
  gl: WebGL2RenderingContext,
  positions: Float32Array,
  info: Uint16Array,
  itemSize: number,
): Vertices {
  return {
    pos: new StreamedBuffer(gl, positions, 3, false),
    info: new StreamedBuffer(gl, info, itemSize, false),
  };
}

/**
 * The block's objects at `level`, created (buffers allocated, nothing sent) when first shown;
 * `onIndex` is called when an index buffer was created.
 */
export function levelObjects(
  gl: WebGL2RenderingContext,
  o: BlockObjects,
  level: Detail,
  make: (g: THREE.BufferGeometry) => Drawable,
  onIndex: () => void,
): Level {
  const existing = o.levels[level];
  if (existing) return existing;
  const b = o.block;
  const infoSize = b.info.length / b.capacity;
  let vertices: Vertices;
  let indices: Uint32Array | null;
  if (level === 'coarse' && b.coarsePositions && b.coarseInfo) {
    o.compact ??= vertexBuffers(gl, b.coarsePositions, b.coarseInfo, infoSize);
    vertices = o.compact;
    indices = b.coarseIndices;
  } else {
    o.vertices ??= vertexBuffers(gl, b.positions, b.info, infoSize);
    vertices = o.vertices;
    indices = level === 'lod' ? b.lodIndices : b.indices;
  }
  const index = indices ? new StreamedBuffer(gl, indices, 1, true) : null;
  if (index) onIndex();
  const object = make(geometry(vertices, index));
  object.geometry.setDrawRange(0, 0);
  object.frustumCulled = false;
  const created: Level = { object, vertices, index };
  o.levels[level] = created;
  return created;
}

/** What a block's level holds: vertices, their info entries each, and indices. */
function levelCounts(b: Block, level: Detail) {
  return {
    vertices: level === 'coarse' ? b.coarseVertexCount : b.vertexCount,
    infoSize: b.info.length / b.capacity,
    indices: level === 'coarse' ? b.coarseCount : level === 'lod' ? b.lodCount : b.indexCount,
  };
}

/** The buffers of a block's level with the element count each must reach. */
function uploadSteps(b: Block, level: Detail, l: Level): [StreamedBuffer, number][] {
  const { vertices, infoSize, indices } = levelCounts(b, level);
  const out: [StreamedBuffer, number][] = [
    [l.vertices.pos, vertices * 3],
    [l.vertices.info, vertices * infoSize],
  ];
  if (l.index) out.push([l.index, indices]);
  return out;
}

/**
 * Vertices per upload round (uploadLevel): about 1 MB of a line block's positions (12 B), info
 * (8 B) and indices (two per segment, 8 B).
 */
export const UPLOAD_ROUND_VERTICES = 1 << 15;

function indexSource(b: Block, level: Detail): Uint32Array | null {
  if (level === 'coarse') return b.coarseIndices;
  return level === 'lod' ? b.lodIndices : b.indices;
}

/** How far the index prefix from `from` can go with every index in it below `vertices`. */
function indicesBelow(indices: Uint32Array, from: number, end: number, vertices: number): number {
  let i = from;
  while (i < end && (indices[i] ?? vertices) < vertices) i++;
  return i;
}

/**
 * Sends a block's level within the budget, in rounds of UPLOAD_ROUND_VERTICES: positions and
 * info of the round's vertices, then the indices whose vertices are all up, so what is sent can
 * be drawn at once. Sent buffer by buffer (all positions, all info, then the indices), a block
 * drew nothing until all its vertices were up: a reload's first frame (frame-loop.ts,
 * FIRST_UPLOAD_BYTES) would have had no segment in it. True once the level is complete.
 */
export function uploadLevel(b: Block, level: Detail, l: Level, budget: UploadBudget): boolean {
  const { pos, info } = l.vertices;
  const { vertices, infoSize, indices: indexEnd } = levelCounts(b, level);
  const indices = indexSource(b, level);
  for (;;) {
    const up = Math.min(pos.uploaded / 3, info.uploaded / infoSize);
    const to = Math.min(vertices, up + UPLOAD_ROUND_VERTICES);
    if (!pos.upload(to * 3, budget) || !info.upload(to * infoSize, budget)) return false;
    if (l.index && indices) {
      const end = to >= vertices ? indexEnd : indicesBelow(indices, l.index.uploaded, indexEnd, to);
      if (!l.index.upload(end, budget)) return false;
    }
    if (to >= vertices) return true;
  }
}

/** The block's objects at `level` exist and hold everything the block has for that level. */
export function levelComplete(o: BlockObjects, level: Detail): boolean {
  const l = o.levels[level];
  return l !== undefined && uploadSteps(o.block, level, l).every(([buf, n]) => buf.uploaded >= n);
}

/**
 * In-place info changes (colour-mode codes), small next to geometry, sent at once: which vertex
 * buffers changed (the full ones, drawn by the full and decimated levels, and the compact coarse
 * ones). Levels not created yet take the new values from the CPU copies when shown.
 */
export function resendRewritten(o: BlockObjects): { full: boolean; coarse: boolean } {
  const b = o.block;
  const size = b.info.length / b.capacity;
  const re = b.rewrittenInfo;
  if (re && o.vertices) o.vertices.info.resend(re[0] * size, re[1] * size);
  const rc = b.rewrittenCoarseInfo;
  if (rc && o.compact) o.compact.info.resend(rc[0] * size, rc[1] * size);
  // Reserved vertices filled after the upload prefix passed over them (display first).
  // Nothing to draw anew while only the coarse level was shown (no full buffers yet).
  const rv = o.vertices ? b.rewrittenVertices : null;
  if (rv && o.vertices) {
    o.vertices.pos.resend(rv[0] * 3, rv[1] * 3);
    o.vertices.info.resend(rv[0] * size, rv[1] * size);
  }
  return { full: Boolean((re && o.vertices) || rv), coarse: Boolean(rc && o.compact) };
}

/** The draw range up to what is uploaded; true when it changed. */
export function updateRange(l: Level): boolean {
  const v = l.vertices;
  const count = l.index
    ? l.index.uploaded
    : Math.min(v.pos.uploaded / 3, v.info.uploaded / v.info.attribute.itemSize);
  if (l.object.geometry.drawRange.count === count) return false;
  l.object.geometry.setDrawRange(0, count);
  return true;
}

export function disposeObjects(o: BlockObjects): void {
  for (const l of Object.values(o.levels)) {
    l.object.geometry.dispose();
    l.index?.dispose();
  }
  for (const v of [o.vertices, o.compact]) {
    v?.pos.dispose();
    v?.info.dispose();
  }
}
