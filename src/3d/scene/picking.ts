/**
 * GPU picking of skeleton nodes: the line blocks are drawn once more, into a small render target
 * around the pointer, with each vertex's index (and its block) encoded as a colour. The hit
 * nearest to the pointer wins; depth testing makes it the front-most line. With WebGL2 the pixels
 * come back asynchronously (read into a pixel buffer, fenced, fetched once the GPU is done): with
 * software GL the pick pass over a million segments takes the GPU several hundred ms, and a
 * synchronous read would block the main thread for all of it. The coarse level draws compact
 * vertices of its own: their index is mapped back to the block's vertex (a real node).
 */
import * as THREE from 'three';
import type { BlockLayer } from './block-layers.ts';
import { GpuFence, webgl2Of } from './gpu-fence.ts';

const PICK_RADIUS = 6;

type PickCamera = THREE.Camera & {
  setViewOffset: THREE.PerspectiveCamera['setViewOffset'];
  clearViewOffset(): void;
};

export interface PickRequest {
  renderer: THREE.WebGLRenderer;
  camera: PickCamera;
  layer: BlockLayer;
  /** CSS pixels from the canvas' top left; width/height: its CSS size. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PickHit {
  blockId: number;
  /** The vertex in the block's full vertices (SceneModel.pick). */
  vertex: number;
}

/** Vertex maps of the objects drawn in one pick pass, by block id (null: identity). */
export type VertexMaps = Map<number, Uint32Array | null>;

export class Picker {
  private readonly size = PICK_RADIUS * 2 + 1;
  private readonly target = new THREE.WebGLRenderTarget(this.size, this.size);
  private readonly scene = new THREE.Scene();
  private readonly materials: THREE.ShaderMaterial[] = [];
  private readonly pending = new Set<{ fence: GpuFence; pbo: WebGLBuffer }>();
  private disposed = false;

  constructor(private readonly makeMaterial: (block: number) => THREE.ShaderMaterial) {}

  /** A pick pass is still running on the GPU (the frame loop waits for it before showing). */
  busy(): boolean {
    for (const p of this.pending) if (p.fence.busy()) return true;
    return false;
  }

  /**
   * The node drawn nearest to the pointer, once the GPU has finished the pick pass (without
   * WebGL2 the read blocks instead).
   */
  pick(req: PickRequest): Promise<PickHit | null> {
    const { renderer } = req;
    const pixels = new Uint8Array(this.size * this.size * 4);
    const gl = webgl2Of(renderer.getContext());
    if (!gl) {
      const maps = this.draw(req, () =>
        renderer.readRenderTargetPixels(this.target, 0, 0, this.size, this.size, pixels),
      );
      return Promise.resolve(this.nearest(pixels, maps));
    }
    const pbo = gl.createBuffer();
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pbo);
    gl.bufferData(gl.PIXEL_PACK_BUFFER, pixels.byteLength, gl.STREAM_READ);
    const maps = this.draw(req, () =>
      gl.readPixels(0, 0, this.size, this.size, gl.RGBA, gl.UNSIGNED_BYTE, 0),
    );
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    const fence = new GpuFence(gl);
    fence.arm();
    const job = { fence, pbo };
    this.pending.add(job);
    return new Promise((resolve) => {
      const poll = () => {
        if (this.disposed) return resolve(null);
        if (fence.busy()) return void requestAnimationFrame(poll);
        gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pbo);
        gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, pixels);
        gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
        gl.deleteBuffer(pbo);
        fence.clear();
        this.pending.delete(job);
        resolve(this.nearest(pixels, maps));
      };
      requestAnimationFrame(poll);
    });
  }

  /**
   * Draws the pick pass around the pointer; `read` runs while the pick target is bound. Returns
   * the vertex maps of the objects drawn (the level on screen may change before the read).
   */
  private draw(req: PickRequest, read: () => void): VertexMaps {
    const { renderer, camera, x, y, width, height } = req;
    this.scene.clear();
    const maps: VertexMaps = new Map();
    req.layer.pickTargets().forEach((t) => {
      const material = (this.materials[t.blockId] ??= this.makeMaterial(t.blockId));
      const proxy = new THREE.LineSegments(t.object.geometry, material);
      proxy.frustumCulled = false;
      this.scene.add(proxy);
      maps.set(t.blockId, t.vertexMap);
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
    read();
    renderer.setRenderTarget(previous);
    renderer.setClearColor(clear, alpha);
    camera.clearViewOffset();
    return maps;
  }

  private nearest(pixels: Uint8Array, maps: VertexMaps): PickHit | null {
    const hit = nearestHit(pixels, this.size, PICK_RADIUS);
    return hit && mapHit(hit, maps);
  }

  dispose(): void {
    this.disposed = true;
    this.pending.clear();
    this.target.dispose();
    for (const m of this.materials) m.dispose();
  }
}

/** The hit nearest the centre of a size × size pick read-back (vertex as drawn). */
function nearestHit(pixels: Uint8Array, size: number, radius: number): PickHit | null {
  const r = radius;
  let best: PickHit | null = null;
  let bestD = Infinity;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const o = (py * size + px) * 4;
      const a = pixels[o + 3] ?? 0;
      if (a === 0) continue;
      const d = (px - r) ** 2 + (py - r) ** 2;
      if (d >= bestD) continue;
      const id = (pixels[o] ?? 0) + ((pixels[o + 1] ?? 0) << 8) + ((pixels[o + 2] ?? 0) << 16);
      bestD = d;
      best = { blockId: a - 1, vertex: id - 1 };
    }
  }
  return best;
}

/**
 * The hit in block vertices: a coarse object's vertex is an index into its compact vertices,
 * mapped through the block's compact → block map; null when the block drew nothing.
 */
export function mapHit(hit: PickHit, maps: VertexMaps): PickHit | null {
  if (!maps.has(hit.blockId)) return null;
  const map = maps.get(hit.blockId);
  if (!map) return hit;
  const vertex = map[hit.vertex];
  return vertex === undefined ? null : { blockId: hit.blockId, vertex };
}
