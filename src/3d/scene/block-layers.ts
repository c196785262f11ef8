/**
 * three.js objects over a BlockSet: one LineSegments / Points per block and detail level,
 * sharing one material. The GPU copies are StreamedBuffers: `sync()` sends only what was
 * appended since, within a per-frame byte budget, and each object draws just the prefix already
 * uploaded (vertices before the indices that use them), so adding neurons never re-sends the
 * ones already drawn and no frame blocks on a big upload. Line blocks have three levels: full,
 * decimated (same vertex buffers, fewer index pairs) and coarse (compact vertex buffers of its
 * own, see block-set.ts). Only the level on screen is uploaded: a huge scene drawn coarse never
 * sends the full vertices (~20 B per node) unless a finer level is shown. A level chosen for
 * the first time is uploaded then, in slices; meanwhile the previous level stays on screen when
 * it is complete (`SyncResult.background`: the view stays live), else the new level is drawn
 * progressively, like arriving neurons.
 */
import * as THREE from 'three';
import type { BlockSet } from '../geometry/block-set.ts';
import {
  disposeObjects,
  levelComplete,
  levelObjects,
  levelOf,
  resendRewritten,
  updateRange,
  uploadLevel,
  type BlockObjects,
  type Detail,
  type Drawable,
} from './block-level.ts';
import type { UploadBudget } from './streamed-buffer.ts';

export type { Detail };
type Kind = 'lines' | 'points';

export interface SyncResult {
  /** Something new became drawable (a frame should be drawn). */
  changed: boolean;
  /** Data drawn at the current detail is still waiting for upload budget. */
  pending: boolean;
  /**
   * The chosen level is still uploading while the previous one, complete, stays on screen:
   * frames drawn meanwhile are complete; `changed` comes when the chosen level takes over.
   */
  background: boolean;
}

/** A drawn object of one block, for picking: `vertexMap` maps its vertices to the block's. */
export interface PickTarget {
  blockId: number;
  object: Drawable;
  vertexMap: Uint32Array | null;
}

export class BlockLayer {
  readonly group = new THREE.Group();
  private readonly blocks: BlockObjects[] = [];
  /** The level asked for, and the level on screen (the previous one while that uploads). */
  private detail: Detail = 'full';
  private shown: Detail = 'full';
  /** The context the buffers live in; the engine outlives canvases (view switches). */
  private gl: WebGL2RenderingContext | null = null;
  /** Moves whenever data already drawn was rewritten in place (colour codes, filled vertices). */
  rewrites = 0;

  constructor(
    private readonly kind: Kind,
    readonly material: THREE.Material,
    renderOrder = 0,
  ) {
    this.group.renderOrder = renderOrder;
  }

  private readonly make = (g: THREE.BufferGeometry): Drawable =>
    this.kind === 'lines'
      ? new THREE.LineSegments(g, this.material)
      : new THREE.Points(g, this.material);

  /** The objects drawn now, one per block that has uploaded its level (for picking). */
  pickTargets(): PickTarget[] {
    return this.blocks.flatMap((o) => {
      const level = levelOf(o.block, this.shown);
      const drawn = o.levels[level];
      if (!drawn) return [];
      const vertexMap = level === 'coarse' ? o.block.coarseSource : null;
      return [{ blockId: o.block.id, object: drawn.object, vertexMap }];
    });
  }

  /** The objects a frame draws now (frame-accumulation.ts). */
  drawables(): Drawable[] {
    return this.pickTargets()
      .map((t) => t.object)
      .filter((o) => o.visible);
  }

  get detailShown(): Detail {
    return this.shown;
  }

  /** The level asked for (shown once complete on the GPU). */
  get detailAsked(): Detail {
    return this.detail;
  }

  /** Segments (lines) or points drawn now. */
  drawnCount(): number {
    return this.pickTargets().reduce((sum, t) => {
      const n = t.object.geometry.drawRange.count;
      return sum + (this.kind === 'lines' ? n / 2 : n);
    }, 0);
  }

  /** Asks for a level; it is shown at once if it is complete on the GPU, else after `sync`. */
  setDetail(detail: Detail): void {
    this.detail = detail;
    if (this.complete(detail)) this.show(detail);
  }

  private complete(detail: Detail): boolean {
    return this.blocks.every((o) => levelComplete(o, levelOf(o.block, detail)));
  }

  private show(detail: Detail): void {
    this.shown = detail;
    for (const o of this.blocks) {
      const level = levelOf(o.block, detail);
      for (const [name, l] of Object.entries(o.levels)) l.object.visible = name === level;
    }
  }

  /**
   * Creates the objects of the level asked for and uploads within `budget`.
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
      // Only a rewrite of what the level on screen draws from changes the picture.
      const rewritten = resendRewritten(o);
      if (levelOf(block, this.shown) === 'coarse' ? rewritten.coarse : rewritten.full) {
        changed = true;
        this.rewrites++;
      }
      const level = levelOf(block, this.detail);
      const fresh = !o.levels[level];
      // The budget is spent: this block's buffers are made when its upload starts. Made here,
      // every block of a reload's scene (21 at 10 M nodes, each allocated at full capacity)
      // came with the first 1 MB slice (frame-loop.ts), whose sync then took 60-85 ms.
      if (fresh && pending) continue;
      const l = levelObjects(gl, o, level, this.make, onIndexBuffer);
      if (fresh) {
        l.object.visible = false;
        this.group.add(l.object);
      }
      if (!pending && !uploadLevel(block, level, l, budget)) pending = true;
      // Ranges of the level asked for: drawn now, or once it takes over.
      if (updateRange(l) && this.shown === this.detail) changed = true;
    }
    set.markSynced();
    if (this.shown !== this.detail) {
      // The previous level stays while it still shows everything; else the new one, partly.
      if (pending && this.complete(this.shown))
        return { changed, pending: false, background: true };
      changed = true;
    }
    this.show(this.detail);
    return { changed, pending, background: false };
  }

  dispose(): void {
    for (const o of this.blocks) disposeObjects(o);
    this.blocks.length = 0;
    this.group.clear();
  }
}
