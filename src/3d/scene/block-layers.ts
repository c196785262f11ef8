/**
 * three.js objects over a BlockSet: one LineSegments / Points per block and detail level,
 * sharing one material. The GPU copies are StreamedBuffers: `sync()` sends only what was
 * appended since, within a per-frame byte budget, and each object draws just the prefix already
 * uploaded (vertices before the indices that use them), so adding neurons never re-sends the
 * ones already drawn and no frame blocks on a big upload. Line blocks have three levels: full,
 * decimated (same vertex buffers, fewer index pairs) and coarse (compact vertex buffers of its
 * own, see block-set.ts). Only the level on screen is uploaded: a huge scene drawn coarse never
 * sends the full vertices (~20 B per node) unless a finer level is shown; a level shown for the
 * first time is uploaded then, progressively, like arriving neurons.
 */
import * as THREE from 'three';
import type { Block, BlockSet } from '../geometry/block-set.ts';
import { asBufferAttribute, StreamedBuffer, type UploadBudget } from './streamed-buffer.ts';

type Kind = 'lines' | 'points';
export type Detail = 'full' | 'lod' | 'coarse';
type Drawable = THREE.LineSegments | THREE.Points;

export interface SyncResult {
  /** Something new became drawable (a frame should be drawn). */
  changed: boolean;
  /** Data drawn at the current detail is still waiting for upload budget. */
  pending: boolean;
}

/** A drawn object of one block, for picking: `vertexMap` maps its vertices to the block's. */
export interface PickTarget {
  blockId: number;
  object: Drawable;
  vertexMap: Uint32Array | null;
}

interface Vertices {
  pos: StreamedBuffer;
  info: StreamedBuffer;
}

interface Level {
  object: Drawable;
  vertices: Vertices;
  index: StreamedBuffer | null;
}

interface BlockObjects {
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
function levelOf(block: Block, detail: Detail): Detail {
  if (detail === 'coarse' && block.coarseIndices) return 'coarse';
  if (detail === 'lod' && block.lodIndices) return 'lod';
  return 'full';
}

export class BlockLayer {
  readonly group = new THREE.Group();
  private readonly blocks: BlockObjects[] = [];
  private detail: Detail = 'full';
  /** The context the buffers live in; the engine outlives canvases (view switches). */
  private gl: WebGL2RenderingContext | null = null;

  constructor(
    private readonly kind: Kind,
    readonly material: THREE.Material,
    renderOrder = 0,
  ) {
    this.group.renderOrder = renderOrder;
  }

  /** The objects drawn now, one per block that has uploaded its level (for picking). */
  pickTargets(): PickTarget[] {
    return this.blocks.flatMap((o) => {
      const level = levelOf(o.block, this.detail);
      const drawn = o.levels[level];
      if (!drawn) return [];
      const vertexMap = level === 'coarse' ? o.block.coarseSource : null;
      return [{ blockId: o.block.id, object: drawn.object, vertexMap }];
    });
  }

  get detailShown(): Detail {
    return this.detail;
  }

  /** Segments (lines) or points drawn now. */
  drawnCount(): number {
    return this.pickTargets().reduce((sum, t) => {
      const n = t.object.geometry.drawRange.count;
      return sum + (this.kind === 'lines' ? n / 2 : n);
    }, 0);
  }

  setDetail(detail: Detail): void {
    this.detail = detail;
    for (const o of this.blocks) {
      const shown = levelOf(o.block, detail);
      for (const [level, l] of Object.entries(o.levels)) l.object.visible = level === shown;
    }
  }

  private static vertexBuffers(
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

  /** The block's objects at `level`, created (buffers allocated, nothing sent) when first shown. */
  private level(gl: WebGL2RenderingContext, o: BlockObjects, level: Detail, onIndex: () => void) {
    const existing = o.levels[level];
    if (existing) return existing;
    const b = o.block;
    const infoSize = b.info.length / b.capacity;
    let vertices: Vertices;
    let indices: Uint32Array | null;
    if (level === 'coarse' && b.coarsePositions && b.coarseInfo) {
      o.compact ??= BlockLayer.vertexBuffers(gl, b.coarsePositions, b.coarseInfo, infoSize);
      vertices = o.compact;
      indices = b.coarseIndices;
    } else {
      o.vertices ??= BlockLayer.vertexBuffers(gl, b.positions, b.info, infoSize);
      vertices = o.vertices;
      indices = level === 'lod' ? b.lodIndices : b.indices;
    }
    const index = indices ? new StreamedBuffer(gl, indices, 1, true) : null;
    if (index) onIndex();
    const object =
      this.kind === 'lines'
        ? new THREE.LineSegments(geometry(vertices, index), this.material)
        : new THREE.Points(geometry(vertices, null), this.material);
    object.geometry.setDrawRange(0, 0);
    object.frustumCulled = false;
    this.group.add(object);
    const created: Level = { object, vertices, index };
    o.levels[level] = created;
    return created;
  }

  /** The buffers of a block's level with the element count each must reach, in upload order. */
  private static steps(b: Block, level: Detail, l: Level): [StreamedBuffer, number][] {
    const infoSize = b.info.length / b.capacity;
    const vertices = level === 'coarse' ? b.coarseVertexCount : b.vertexCount;
    const indices =
      level === 'coarse' ? b.coarseCount : level === 'lod' ? b.lodCount : b.indexCount;
    const out: [StreamedBuffer, number][] = [
      [l.vertices.pos, vertices * 3],
      [l.vertices.info, vertices * infoSize],
    ];
    if (l.index) out.push([l.index, indices]);
    return out;
  }

  /**
   * Creates the objects of the level on screen for new blocks and uploads within `budget`.
   * `onIndexBuffer` is called when an index buffer was created (three.js's cached GL state
   * must then be reset).
   */
  sync(
    gl: WebGL2RenderingContext,
    set: BlockSet,
    budget: UploadBudget,
    onIndexBuffer: () => void,
  ): SyncResult {
    if (this.gl !== gl) {
      // A new canvas: its context has none of our buffers; upload everything again from the
      // CPU copies.
      this.dispose();
      this.gl = gl;
    }
    let changed = false;
    let pending = false;
    for (const block of set.blocks) {
      let o = this.blocks[block.id];
      if (!o) {
        o = { block, levels: {} };
        this.blocks[block.id] = o;
      }
      if (this.resendRewritten(o)) changed = true;
      const level = levelOf(block, this.detail);
      const fresh = !o.levels[level];
      const l = this.level(gl, o, level, onIndexBuffer);
      if (fresh) changed = true;
      if (!pending) {
        for (const [buf, n] of BlockLayer.steps(block, level, l)) {
          if (buf.upload(n, budget)) continue;
          pending = true;
          break;
        }
      }
      if (this.updateRange(l)) changed = true;
    }
    set.markSynced();
    if (changed) this.setDetail(this.detail);
    return { changed, pending };
  }

  /** In-place info changes (colour-mode codes): small next to geometry, sent at once. */
  private resendRewritten(o: BlockObjects): boolean {
    const b = o.block;
    const size = b.info.length / b.capacity;
    // Levels not created yet take the new values from the CPU copies when first shown.
    const re = b.rewrittenInfo;
    if (re && o.vertices) o.vertices.info.resend(re[0] * size, re[1] * size);
    const rc = b.rewrittenCoarseInfo;
    if (rc && o.compact) o.compact.info.resend(rc[0] * size, rc[1] * size);
    return Boolean(re || rc);
  }

  /** The draw range up to what is uploaded; true when it changed. */
  private updateRange(l: Level): boolean {
    const v = l.vertices;
    const count = l.index
      ? l.index.uploaded
      : Math.min(v.pos.uploaded / 3, v.info.uploaded / v.info.attribute.itemSize);
    if (l.object.geometry.drawRange.count === count) return false;
    l.object.geometry.setDrawRange(0, count);
    return true;
  }

  dispose(): void {
    for (const o of this.blocks) {
      for (const l of Object.values(o.levels)) l.object.geometry.dispose();
      for (const v of [o.vertices, o.compact]) {
        v?.pos.dispose();
        v?.info.dispose();
      }
      for (const l of Object.values(o.levels)) l.index?.dispose();
    }
    this.blocks.length = 0;
    this.group.clear();
  }
}
