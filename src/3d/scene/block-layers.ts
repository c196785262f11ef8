/**
 * three.js objects over a BlockSet: one LineSegments / Points per block sharing one material.
 * `sync()` uploads only the ranges appended since the last frame (BufferAttribute update
 * ranges), so adding neurons never re-sends the ones already drawn. Line blocks also get a
 * decimated twin (same vertex buffers, fewer index pairs) used on screen for big scenes.
 */
import * as THREE from 'three';
import type { Block, BlockSet } from '../geometry/block-set.ts';

type Kind = 'lines' | 'points';
export type Detail = 'full' | 'lod';
type Drawable = THREE.LineSegments | THREE.Points;

function attribute(array: Float32Array | Uint16Array | Uint32Array, itemSize: number) {
  const a = new THREE.BufferAttribute(array, itemSize);
  a.setUsage(THREE.DynamicDrawUsage);
  return a;
}

function markRange(attr: THREE.BufferAttribute, start: number, end: number): void {
  attr.addUpdateRange(start * attr.itemSize, (end - start) * attr.itemSize);
  attr.needsUpdate = true;
}

interface BlockObjects {
  full: Drawable;
  lod: THREE.LineSegments | null;
}

export class BlockLayer {
  readonly group = new THREE.Group();
  private readonly blocks: BlockObjects[] = [];
  private detail: Detail = 'full';

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
      const count = o.geometry.drawRange.count;
      const n = o.geometry.index ? Math.min(count, o.geometry.index.count) : count;
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

  private create(block: Block): BlockObjects {
    const pos = attribute(block.positions, 3);
    const info = attribute(block.info, block.info.length / block.capacity);
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', pos);
    g.setAttribute('aInfo', info);
    if (block.indices) g.setIndex(attribute(block.indices, 1));
    const full =
      this.kind === 'lines'
        ? new THREE.LineSegments(g, this.material)
        : new THREE.Points(g, this.material);
    let lod: THREE.LineSegments | null = null;
    if (block.lodIndices) {
      const lg = new THREE.BufferGeometry();
      lg.setAttribute('position', pos);
      lg.setAttribute('aInfo', info);
      lg.setIndex(attribute(block.lodIndices, 1));
      lod = new THREE.LineSegments(lg, this.material);
      lod.frustumCulled = false;
      this.group.add(lod);
    }
    full.frustumCulled = false;
    this.group.add(full);
    return { full, lod };
  }

  /** Returns true when something changed (so a frame must be drawn). */
  sync(set: BlockSet): boolean {
    let changed = false;
    for (const block of set.blocks) {
      let objs = this.blocks[block.id];
      const fresh = !objs;
      if (!objs) {
        objs = this.create(block);
        this.blocks[block.id] = objs;
      }
      const g = objs.full.geometry;
      if (!fresh && block.dirtyVertices) {
        const [s, e] = block.dirtyVertices;
        markRange(g.getAttribute('position') as THREE.BufferAttribute, s, e);
        markRange(g.getAttribute('aInfo') as THREE.BufferAttribute, s, e);
      }
      if (!fresh && block.dirtyIndices && g.index) markRange(g.index, ...block.dirtyIndices);
      const lodIndex = objs.lod?.geometry.index;
      if (!fresh && block.dirtyLod && lodIndex) markRange(lodIndex, ...block.dirtyLod);
      if (fresh || block.dirtyVertices || block.dirtyIndices || block.dirtyLod) {
        g.setDrawRange(0, block.indices ? block.indexCount : block.vertexCount);
        objs.lod?.geometry.setDrawRange(0, block.lodCount);
        changed = true;
      }
    }
    set.markSynced();
    if (changed) this.setDetail(this.detail);
    return changed;
  }

  dispose(): void {
    for (const b of this.blocks) {
      b.full.geometry.dispose();
      b.lod?.geometry.dispose();
    }
    this.blocks.length = 0;
    this.group.clear();
  }
}
