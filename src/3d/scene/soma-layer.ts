/** Somata as one InstancedMesh of spheres (one draw call), rebuilt only when somata are added. */
import * as THREE from 'three';
import type { SceneModel } from '../geometry/scene-model.ts';

export class SomaLayer {
  readonly group = new THREE.Group();
  private mesh: THREE.InstancedMesh | null = null;
  private readonly sphere = new THREE.SphereGeometry(1, 20, 14);
  private count = 0;

  constructor(readonly material: THREE.Material) {}

  sync(model: SceneModel): boolean {
    if (model.somata.length === this.count) return false;
    this.count = model.somata.length;
    if (this.mesh) {
      this.group.remove(this.mesh);
      this.mesh.dispose();
    }
    const n = this.count;
    const geometry = this.sphere.clone();
    const info = new Float32Array(n * 4);
    const mesh = new THREE.InstancedMesh(geometry, this.material, n);
    const m = new THREE.Matrix4();
    model.somata.forEach((s, i) => {
      m.makeScale(s.radius, s.radius, s.radius).setPosition(...s.position);
      mesh.setMatrixAt(i, m);
      const record = model.bySkeleton.get(s.skeletonId);
      info[i * 4] = s.slot;
      info[i * 4 + 1] = record?.strahler[s.nodeIndex] ?? 1;
      info[i * 4 + 2] = Math.min(record?.detail.creatorIds[s.nodeIndex] ?? 0, 65535);
      info[i * 4 + 3] = s.position[2];
    });
    geometry.setAttribute('aSoma', new THREE.InstancedBufferAttribute(info, 4));
    mesh.frustumCulled = false;
    mesh.renderOrder = 1;
    this.mesh = mesh;
    this.group.add(mesh);
    return true;
  }

  dispose(): void {
    this.mesh?.geometry.dispose();
    this.mesh?.dispose();
    this.sphere.dispose();
    this.group.clear();
  }
}
