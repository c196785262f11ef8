/**
 * Draws frames off screen and shows them only once the GPU has finished them. With software GL
 * a frame of a million segments takes the GPU process a second or more, and whatever first needs
 * the canvas pixels waits for it: with software compositing (`--disable-gpu`, and machines
 * without a usable GPU) the page's next paint reads the canvas back on the main thread, which
 * then blocks for the whole frame. Drawing into a render target, fencing, and copying the
 * finished image to the canvas keeps that wait down to the copy.
 */
import * as THREE from 'three';

const COPY_VERTEX = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`;

const COPY_FRAGMENT = /* glsl */ `
uniform sampler2D uFrame;
varying vec2 vUv;
void main() {
  gl_FragColor = texture2D(uFrame, vUv);
}
`;

export class FramePresenter {
  private target: THREE.WebGLRenderTarget | null = null;
  private readonly size = new THREE.Vector2();
  private readonly frame: { value: THREE.Texture | null } = { value: null };
  private readonly material = new THREE.ShaderMaterial({
    uniforms: { uFrame: this.frame },
    vertexShader: COPY_VERTEX,
    fragmentShader: COPY_FRAGMENT,
    // The pixels are copied as they are, alpha included (transparent backgrounds stay so).
    blending: THREE.NoBlending,
    depthTest: false,
    depthWrite: false,
  });
  private readonly quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), this.material);
  private readonly copyScene = new THREE.Scene();
  private readonly copyCamera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);

  constructor() {
    this.quad.frustumCulled = false;
    this.copyScene.add(this.quad);
  }

  /**
   * Counts the times the off-screen pixels were replaced (a frame drawn from scratch, the target
   * created or resized): a frame that adds to the last one (frame-accumulation.ts) is valid only
   * while this has not moved since that frame.
   */
  cleared = 0;

  /**
   * Queues a draw of `scene` into the off-screen frame; returns the draw calls it issued.
   * `clear` false draws over the last frame's pixels and depth (a frame that adds to it).
   */
  draw(
    renderer: THREE.WebGLRenderer,
    scene: THREE.Object3D,
    camera: THREE.Camera,
    clear = true,
  ): number {
    const target = this.targetFor(renderer);
    const previous = renderer.getRenderTarget();
    const autoClear = renderer.autoClear;
    renderer.setRenderTarget(target);
    renderer.autoClear = clear;
    if (clear) this.cleared++;
    renderer.render(scene, camera);
    renderer.autoClear = autoClear;
    const calls = renderer.info.render.calls;
    renderer.setRenderTarget(previous);
    return calls;
  }

  /** Issues the copy program's compile without waiting for it (see shader-warmup). */
  compileMaterials(renderer: THREE.WebGLRenderer): THREE.Material[] {
    renderer.compile(this.copyScene, this.copyCamera);
    return [this.material];
  }

  /**
   * Runs the copy once into a scratch target, so that the GPU builds its pipeline there and not
   * during the first present, which the page's read-back of the canvas would then wait for.
   */
  warmCopy(renderer: THREE.WebGLRenderer): void {
    if (!this.target) return;
    // Same attachments as the canvas, on which the pipeline depends: colour and a packed
    // depth-stencil buffer (Chromium's drawing buffer has one, stencil implicit, when depth is on).
    const scratch = new THREE.WebGLRenderTarget(1, 1, { depthBuffer: true, stencilBuffer: true });
    const previous = renderer.getRenderTarget();
    renderer.setRenderTarget(scratch);
    this.copy(renderer);
    renderer.setRenderTarget(previous);
    scratch.dispose();
  }

  /** Copies the last drawn frame to the canvas (call once the GPU has finished it). */
  present(renderer: THREE.WebGLRenderer): void {
    if (!this.target) return;
    this.copy(renderer);
  }

  private copy(renderer: THREE.WebGLRenderer): void {
    this.frame.value = this.target?.texture ?? null;
    const autoClear = renderer.autoClear;
    renderer.autoClear = false;
    renderer.render(this.copyScene, this.copyCamera);
    renderer.autoClear = autoClear;
  }

  private targetFor(renderer: THREE.WebGLRenderer): THREE.WebGLRenderTarget {
    const { x, y } = renderer.getDrawingBufferSize(this.size);
    const w = Math.max(1, x);
    const h = Math.max(1, y);
    if (!this.target || this.target.width !== w || this.target.height !== h) this.cleared++;
    if (!this.target) {
      this.target = new THREE.WebGLRenderTarget(w, h, {
        minFilter: THREE.NearestFilter,
        magFilter: THREE.NearestFilter,
        depthBuffer: true,
        generateMipmaps: false,
      });
    } else if (this.target.width !== w || this.target.height !== h) {
      this.target.setSize(w, h);
    }
    return this.target;
  }

  dispose(): void {
    this.target?.dispose();
    this.target = null;
    this.quad.geometry.dispose();
    this.material.dispose();
  }
}
