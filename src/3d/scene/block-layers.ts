/**
 * three.js objects over a BlockSet: one LineSegments / Points per block sharing one material.
 * The GPU copies are StreamedBuffers: `sync()` sends only what was appended since, within a
 * per-frame byte budget, and each block draws just the prefix already uploaded (vertices before
 * the indices that use them), so adding neurons never re-sends the ones already drawn and no
 * frame blocks on a big upload. Line blocks also get a decimated twin (same vertex buffers,
 * fewer index pairs) used on screen for big scenes.
 */
import * as THREE from 'three';
import type { Block, BlockSet } from '../geometry/block-set.ts';
import { asBufferAttribute, StreamedBuffer, type UploadBudget } from './streamed-buffer.ts';

type Kind = 'lines' | 'points';
export type Detail = 'full' | 'lod';
type Drawable = THREE.LineSegments | THREE.Points;

export interface SyncResult {
  /** Something new became drawable (a frame should be drawn). */
  changed: boolean;
  /** Data is still waiting for upload budget. */
  pending: boolean;
}

interface BlockObjects {
  block: Block;
  pos: StreamedBuffer;
  info: StreamedBuffer;
  index: StreamedBuffer | null;
  lodIndex: StreamedBuffer | null;
  full: Drawable;
  lod: THREE.LineSegments | null;
}

function geometry(pos: StreamedBuffer, info: StreamedBuffer, index: StreamedBuffer | null) {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', asBufferAttribute(pos.attribute));
  g.setAttribute('aInfo', asBufferAttribute(info.attribute));
  if (index) g.setIndex(asBufferAttribute(index.attribute));
  // Never culled; a fixed sphere keeps three.js from scanning GPU-only positions for sorting.
  g.boundingSphere = new THREE.Sphere(new THREE.Vector3(), 0);
  return g;
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

  /** The objects drawn now, indexed by block id (for picking). */
  get objects(): Drawable[] {
    return this.blocks.map((b) => (this.detail === 'lod' && b.lod ? b.lod : b.full));
  }

  get detailShown(): Detail {
    return this.detail;
  }

  /** Segments (lines) or points drawn now. */
  drawnCount(): number {
    return this.objects.reduce((sum, o) => {
      const n = o.geometry.drawRange.count;
      return sum + (this.kind === 'lines' ? n / 2 : n);
    }, 0);
  }

  setDetail(detail: Detail): void {
    this.detail = detail;
    for (const b of this.blocks) {
      b.full.visible = !(detail === 'lod' && b.lod);
      if (b.lod) b.lod.visible = detail === 'lod';
    }
  }

  private create(gl: WebGL2RenderingContext, block: Block): BlockObjects {
    const pos = new StreamedBuffer(gl, block.positions, 3, false);
    const info = new StreamedBuffer(gl, block.info, block.info.length / block.capacity, false);
    const index = block.indices ? new StreamedBuffer(gl, block.indices, 1, true) : null;
    const full =
      this.kind === 'lines'
        ? new THREE.LineSegments(geometry(pos, info, index), this.material)
        : new THREE.Points(geometry(pos, info, null), this.material);
    full.geometry.setDrawRange(0, 0);
    full.frustumCulled = false;
    let lod: THREE.LineSegments | null = null;
    let lodIndex: StreamedBuffer | null = null;
    if (block.lodIndices) {
      lodIndex = new StreamedBuffer(gl, block.lodIndices, 1, true);
      lod = new THREE.LineSegments(geometry(pos, info, lodIndex), this.material);
      lod.geometry.setDrawRange(0, 0);
      lod.frustumCulled = false;
      this.group.add(lod);
    }
    this.group.add(full);
    return { block, pos, info, index, lodIndex, full, lod };
  }

  /** Uploads one block's new data in order (vertices, then indices); false if out of budget. */
  private static upload(o: BlockObjects, budget: UploadBudget): boolean {
    const b = o.block;
    const infoSize = b.info.length / b.capacity;
    if (!o.pos.upload(b.vertexCount * 3, budget)) return false;
    if (!o.info.upload(b.vertexCount * infoSize, budget)) return false;
    if (o.index && !o.index.upload(b.indexCount, budget)) return false;
    return !o.lodIndex || o.lodIndex.upload(b.lodCount, budget);
  }

  /**
   * Creates objects for new blocks and uploads within `budget`. `onIndexBuffer` is called when
   * an index buffer was created (three.js's cached GL state must then be reset).
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
        o = this.create(gl, block);
        this.blocks[block.id] = o;
        if (o.index) onIndexBuffer();
        changed = true;
      }
      const re = block.rewrittenInfo;
      if (re) {
        // In-place info changes (creation times): small next to geometry, sent at once.
        const size = block.info.length / block.capacity;
        o.info.resend(re[0] * size, re[1] * size);
        changed = true;
      }
      if (!pending && !BlockLayer.upload(o, budget)) pending = true;
      const verticesReady = Math.min(
        o.pos.uploaded / 3,
        o.info.uploaded / o.info.attribute.itemSize,
      );
      const full = o.index ? o.index.uploaded : verticesReady;
      const g = o.full.geometry;
      if (g.drawRange.count !== full) {
        g.setDrawRange(0, full);
        changed = true;
      }
      const lg = o.lod?.geometry;
      if (lg && o.lodIndex && lg.drawRange.count !== o.lodIndex.uploaded) {
        lg.setDrawRange(0, o.lodIndex.uploaded);
        changed = true;
      }
    }
    set.markSynced();
    if (changed) this.setDetail(this.detail);
    return { changed, pending };
  }

  dispose(): void {
    for (const b of this.blocks) {
      b.full.geometry.dispose();
      b.lod?.geometry.dispose();
      for (const s of [b.pos, b.info, b.index, b.lodIndex]) s?.dispose();
    }
    this.blocks.length = 0;
    this.group.clear();
  }
}
