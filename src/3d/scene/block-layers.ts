/**
 * three.js objects over a BlockSet: one LineSegments / Points per block sharing one material.
 * The GPU copies are StreamedBuffers: `sync()` sends only what was appended since, within a
 * per-frame byte budget, and each block draws just the prefix already uploaded (vertices before
 * the indices that use them), so adding neurons never re-sends the ones already drawn and no
 * frame blocks on a big upload. Line blocks also get two decimated twins (same vertex buffers,
 * fewer index pairs) used on screen for big and huge scenes. The index pairs of the level on
 * screen go first; the other levels follow in the background (`SyncResult.background`), so a
 * big scene's first complete frame never waits for index pairs it does not draw.
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
  /** Index pairs of the other detail levels are still waiting (sent after the drawn data). */
  background: boolean;
}

interface BlockObjects {
  block: Block;
  pos: StreamedBuffer;
  info: StreamedBuffer;
  index: StreamedBuffer | null;
  lodIndex: StreamedBuffer | null;
  coarseIndex: StreamedBuffer | null;
  full: Drawable;
  lod: THREE.LineSegments | null;
  coarse: THREE.LineSegments | null;
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

  /** The object of a block drawn at `detail` (full detail where a level is missing). */
  private static shown(b: BlockObjects, detail: Detail): Drawable {
    if (detail === 'coarse' && b.coarse) return b.coarse;
    if (detail === 'lod' && b.lod) return b.lod;
    return b.full;
  }

  /** The objects drawn now, indexed by block id (for picking). */
  get objects(): Drawable[] {
    return this.blocks.map((b) => BlockLayer.shown(b, this.detail));
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
      const shown = BlockLayer.shown(b, detail);
      for (const o of [b.full, b.lod, b.coarse]) if (o) o.visible = o === shown;
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
    const twin = (indices: Uint32Array | null) => {
      if (!indices) return [null, null] as const;
      const buffer = new StreamedBuffer(gl, indices, 1, true);
      const lines = new THREE.LineSegments(geometry(pos, info, buffer), this.material);
      lines.geometry.setDrawRange(0, 0);
      lines.frustumCulled = false;
      this.group.add(lines);
      return [buffer, lines] as const;
    };
    const [lodIndex, lod] = twin(block.lodIndices);
    const [coarseIndex, coarse] = twin(block.coarseIndices);
    this.group.add(full);
    return { block, pos, info, index, lodIndex, coarseIndex, full, lod, coarse };
  }

  /** The index buffers of a block with the count each should reach, the drawn level first. */
  private static indexLevels(o: BlockObjects, detail: Detail): [StreamedBuffer, number][] {
    const b = o.block;
    const all: [Detail, StreamedBuffer | null, number][] = [
      ['full', o.index, b.indexCount],
      ['lod', o.lodIndex, b.lodCount],
      ['coarse', o.coarseIndex, b.coarseCount],
    ];
    const drawn = BlockLayer.shown(o, detail) === o.full ? 'full' : detail;
    return all
      .sort(([a], [c]) => Number(c === drawn) - Number(a === drawn))
      .flatMap(([, buf, n]) => (buf ? [[buf, n] as [StreamedBuffer, number]] : []));
  }

  /**
   * Uploads one block's new vertices and the drawn level's indices (`drawn`: false if out of
   * budget), then the other levels' indices (`rest`: false if out of budget).
   */
  private static upload(
    o: BlockObjects,
    budget: UploadBudget,
    detail: Detail,
  ): { drawn: boolean; rest: boolean } {
    const b = o.block;
    const infoSize = b.info.length / b.capacity;
    const no = { drawn: false, rest: false };
    if (!o.pos.upload(b.vertexCount * 3, budget)) return no;
    if (!o.info.upload(b.vertexCount * infoSize, budget)) return no;
    const [first, ...others] = BlockLayer.indexLevels(o, detail);
    if (first && !first[0].upload(first[1], budget)) return no;
    for (const [buf, n] of others) if (!buf.upload(n, budget)) return { drawn: true, rest: false };
    return { drawn: true, rest: true };
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
    let background = false;
    // First what is drawn, in every block; then, with the budget left, the other levels.
    const later: BlockObjects[] = [];
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
      if (!pending) {
        const up = BlockLayer.upload(o, budget, this.detail);
        if (!up.drawn) pending = true;
        else if (!up.rest) later.push(o);
      }
      if (pending) background = true;
      if (this.updateRanges(o)) changed = true;
    }
    for (const o of later)
      if (!background && !BlockLayer.upload(o, budget, this.detail).rest) background = true;
    for (const o of later) if (this.updateRanges(o)) changed = true;
    set.markSynced();
    if (changed) this.setDetail(this.detail);
    return { changed, pending, background };
  }

  /** Draw ranges up to what is uploaded; true when the drawn object's range changed. */
  private updateRanges(o: BlockObjects): boolean {
    const verticesReady = Math.min(o.pos.uploaded / 3, o.info.uploaded / o.info.attribute.itemSize);
    const levels: [THREE.LineSegments | Drawable | null, number | undefined][] = [
      [o.full, o.index ? o.index.uploaded : verticesReady],
      [o.lod, o.lodIndex?.uploaded],
      [o.coarse, o.coarseIndex?.uploaded],
    ];
    const drawn = BlockLayer.shown(o, this.detail);
    let changed = false;
    for (const [obj, count] of levels) {
      if (!obj || count === undefined || obj.geometry.drawRange.count === count) continue;
      obj.geometry.setDrawRange(0, count);
      // Another level's indices arriving in the background change nothing on screen.
      if (obj === drawn) changed = true;
    }
    return changed;
  }

  dispose(): void {
    for (const b of this.blocks) {
      b.full.geometry.dispose();
      b.lod?.geometry.dispose();
      b.coarse?.geometry.dispose();
      for (const s of [b.pos, b.info, b.index, b.lodIndex, b.coarseIndex]) s?.dispose();
    }
    this.blocks.length = 0;
    this.group.clear();
  }
}
