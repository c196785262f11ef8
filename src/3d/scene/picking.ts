/**
 * GPU picking of skeleton nodes: the line blocks are drawn once more, into a small render target
 * around the pointer, with each vertex's index (and its block) encoded as a colour. The hit
 * nearest to the pointer wins; depth testing makes it the front-most line.
 */
import * as THREE from 'three';
import type { BlockLayer } from './block-layers.ts';

const PICK_RADIUS = 6;

export interface PickHit {
  blockId: number;
  vertex: number;
}

export class Picker {
  private readonly size = PICK_RADIUS * 2 + 1;
  private readonly target = new THREE.WebGLRenderTarget(this.size, this.size);
  private readonly pixels = new Uint8Array(this.size * this.size * 4);
  private readonly scene = new THREE.Scene();
  private readonly materials: THREE.ShaderMaterial[] = [];

  constructor(private readonly makeMaterial: (block: number) => THREE.ShaderMaterial) {}

  /** x, y in CSS pixels from the canvas' top left; width/height its CSS size. */
  pick(
    renderer: THREE.WebGLRenderer,
    camera: THREE.Camera & {
      setViewOffset: THREE.PerspectiveCamera['setViewOffset'];
      clearViewOffset(): void;
    },
    layer: BlockLayer,
    x: number,
    y: number,
    width: number,
    height: number,
  ): PickHit | null {
    this.scene.clear();
    layer.objects.forEach((obj, i) => {
      const material = (this.materials[i] ??= this.makeMaterial(i));
      const proxy = new THREE.LineSegments(obj.geometry, material);
      proxy.frustumCulled = false;
      this.scene.add(proxy);
    });
    const r = PICK_RADIUS;
    camera.setViewOffset(width, height, Math.round(x) - r, Math.round(y) - r, this.size, this.size);
    const previous = renderer.getRenderTarget();
    const clear = renderer.getClearColor(new THREE.Color());
    const alpha = renderer.getClearAlpha();
    renderer.setRenderTarget(this.target);
    renderer.setClearColor(0x000000, 0);
    renderer.clear();
    renderer.render(this.scene, camera);
    renderer.readRenderTargetPixels(this.target, 0, 0, this.size, this.size, this.pixels);
    renderer.setRenderTarget(previous);
    renderer.setClearColor(clear, alpha);
    camera.clearViewOffset();
    let best: PickHit | null = null;
    let bestD = Infinity;
    for (let py = 0; py < this.size; py++) {
      for (let px = 0; px < this.size; px++) {
        const o = (py * this.size + px) * 4;
        const a = this.pixels[o + 3] ?? 0;
        if (a === 0) continue;
        const d = (px - r) ** 2 + (py - r) ** 2;
        if (d >= bestD) continue;
        const id =
          (this.pixels[o] ?? 0) +
          ((this.pixels[o + 1] ?? 0) << 8) +
          ((this.pixels[o + 2] ?? 0) << 16);
        bestD = d;
        best = { blockId: a - 1, vertex: id - 1 };
      }
    }
    return best;
  }

  dispose(): void {
    this.target.dispose();
    for (const m of this.materials) m.dispose();
  }
}
