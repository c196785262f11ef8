/**
 * What DOM overlays and exporters need from the live canvas (renderer, scene, active camera,
 * orbit target), filled in by the R3F components. Camera listeners fire on every camera change
 * so overlays (scale bar, axis triad) can update their DOM directly, outside React renders.
 */
import * as THREE from 'three';

export type ViewerCamera = THREE.PerspectiveCamera | THREE.OrthographicCamera;

export class ViewerHandle {
  renderer: THREE.WebGLRenderer | null = null;
  scene: THREE.Scene | null = null;
  camera: ViewerCamera | null = null;
  target: THREE.Vector3 | null = null;
  invalidate: () => void = () => undefined;
  private readonly cameraListeners = new Set<() => void>();
  private readonly size = new THREE.Vector2();

  attach(renderer: THREE.WebGLRenderer, scene: THREE.Scene, invalidate: () => void): () => void {
    this.renderer = renderer;
    this.scene = scene;
    this.invalidate = invalidate;
    return () => {
      this.renderer = null;
      this.scene = null;
    };
  }

  setCamera(camera: ViewerCamera, target: THREE.Vector3): void {
    this.camera = camera;
    this.target = target;
  }

  onCamera(fn: () => void): () => void {
    this.cameraListeners.add(fn);
    return () => this.cameraListeners.delete(fn);
  }

  emitCamera(): void {
    for (const fn of this.cameraListeners) fn();
  }

  /** nm per CSS pixel at the orbit target (the scale bar's unit). */
  nmPerPixel(): number | null {
    const c = this.camera;
    const renderer = this.renderer;
    if (!c || !renderer || !this.target) return null;
    // The renderer's CSS size, not canvas.clientHeight: that forces a layout on every call.
    const h = renderer.getSize(this.size).y || 1;
    if ('isOrthographicCamera' in c && c.isOrthographicCamera) {
      return (c.top - c.bottom) / c.zoom / h;
    }
    const p = c as THREE.PerspectiveCamera;
    const dist = p.position.distanceTo(this.target);
    return (2 * dist * Math.tan((p.fov * Math.PI) / 360)) / p.zoom / h;
  }
}
