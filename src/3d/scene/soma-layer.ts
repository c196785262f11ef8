/**
 * Somata as one InstancedMesh of spheres (one draw call). Its capacity doubles as somata arrive,
 * so streaming in 1,000 neurons rebuilds it a handful of times, not once per frame; in between
 * only the new instances are written.
 */
import * as THREE from 'three';
import type { SceneModel } from '../geometry/scene-model.ts';

const MIN_CAPACITY = 64;
/**
 * Above this many somata the spheres get fewer facets: a frame's cost in software GL grows with
 * the triangles drawn (560 per fine sphere: over half a million for 1,000 neurons), and a scene
 * of hundreds of neurons shows each soma a few pixels wide.
 */
const FINE_SPHERES_UP_TO = 128;

export class SomaLayer {
  readonly group = new THREE.Group();
  private mesh: THREE.InstancedMesh | null = null;
  private info: THREE.InstancedBufferAttribute | null = null;
  /** Creation-time code of each soma node, read from the line vertices (scene-creation-times). */
  private time: THREE.InstancedBufferAttribute | null = null;
  private readonly sphere = new THREE.SphereGeometry(1, 20, 14);
  private readonly coarseSphere = new THREE.SphereGeometry(1, 10, 7);
  private readonly matrix = new THREE.Matrix4();
  private count = 0;
  /** Moves whenever the spheres or their attributes change (frame-accumulation.ts). */
  version = 0;

  constructor(readonly material: THREE.Material) {}

  sync(model: SceneModel): boolean {
    const n = model.somata.length;
    if (n === this.count) return false;
    let mesh = this.mesh;
    if (!mesh || n > mesh.instanceMatrix.count || n < this.count) {
      mesh = this.rebuild(Math.max(MIN_CAPACITY, 2 ** Math.ceil(Math.log2(n))));
      this.count = 0;
    }
    const info = this.info;
    if (!info) return false;
    const data = info.array as Float32Array;
    for (let i = this.count; i < n; i++) {
      const s = model.somata[i];
      if (!s) continue;
      this.matrix.makeScale(s.radius, s.radius, s.radius).setPosition(...s.position);
      mesh.setMatrixAt(i, this.matrix);
      data[i * 4] = s.slot;
      data[i * 4 + 1] = s.strahler;
      data[i * 4 + 2] = s.creator;
      data[i * 4 + 3] = s.position[2];
    }
    this.writeTimes(model, this.count, n);
    this.version++;
    mesh.count = n;
    mesh.instanceMatrix.needsUpdate = true;
    info.needsUpdate = true;
    this.count = n;
    return true;
  }

  /** Rereads every soma's creation-time code (after the codes were rewritten). */
  refreshTimes(model: SceneModel): void {
    this.version++;
    this.writeTimes(model, 0, this.count);
  }

  private writeTimes(model: SceneModel, from: number, to: number): void {
    const time = this.time;
    if (!time || to <= from) return;
    const data = time.array as Float32Array;
    for (let i = from; i < to; i++) {
      const s = model.somata[i];
      const lines = s && model.linesOf(s.skeletonId);
      const block = lines && model.lines.blocks[lines.blockId];
      data[i] =
        s && lines && block
          ? (block.info[(lines.vertexStart + s.nodeIndex) * model.lines.infoSize + 3] ?? 0)
          : 0;
    }
    time.needsUpdate = true;
  }

  private rebuild(capacity: number): THREE.InstancedMesh {
    if (this.mesh) {
      this.group.remove(this.mesh);
      this.mesh.geometry.dispose();
      this.mesh.dispose();
    }
    const geometry = (capacity > FINE_SPHERES_UP_TO ? this.coarseSphere : this.sphere).clone();
    this.info = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 4), 4);
    geometry.setAttribute('aSoma', this.info);
    this.time = new THREE.InstancedBufferAttribute(new Float32Array(capacity), 1);
    geometry.setAttribute('aSomaTime', this.time);
    const mesh = new THREE.InstancedMesh(geometry, this.material, capacity);
    mesh.frustumCulled = false;
    mesh.renderOrder = 1;
    this.mesh = mesh;
    this.group.add(mesh);
    return mesh;
  }

  dispose(): void {
    this.mesh?.geometry.dispose();
    this.mesh?.dispose();
    this.sphere.dispose();
    this.coarseSphere.dispose();
    this.group.clear();
  }
}
