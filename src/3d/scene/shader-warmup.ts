/**
 * Compiles the layer programs in the background (three.js compileAsync, which uses
 * KHR_parallel_shader_compile where available) as soon as the canvas exists. Otherwise the first
 * frame with neurons compiles and links them synchronously, 100+ ms on the main thread with
 * software GL. Stand-in objects of the same kinds give the same program cache keys (and the
 * presenter's copy program). Then one draw of them, all discarded in the vertex shader (slot 0 has no colour yet, so alpha 0): the GL
 * backend builds its pipelines at the first draw, which would otherwise stall the first frame
 * with neurons.
 */
import * as THREE from 'three';
import type { FramePresenter } from './frame-presenter.ts';
import type { ViewerEngine } from './viewer-engine.ts';

function geometry(infoSize: number): THREE.BufferGeometry {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(6), 3));
  g.setAttribute('aInfo', new THREE.BufferAttribute(new Uint16Array(2 * infoSize), infoSize));
  return g;
}

export async function warmUpShaders(
  renderer: THREE.WebGLRenderer,
  engine: ViewerEngine,
  camera: THREE.Camera,
  presenter: FramePresenter,
): Promise<void> {
  const scene = new THREE.Scene();
  const lines = new THREE.LineSegments(geometry(4), engine.lines.material);
  const points = new THREE.Points(geometry(2), engine.connectors.material);
  const sphere = new THREE.SphereGeometry(1, 4, 2);
  sphere.setAttribute('aSoma', new THREE.InstancedBufferAttribute(new Float32Array(4), 4));
  const somata = new THREE.InstancedMesh(sphere, engine.somata.material, 1);
  scene.add(lines, points, somata);
  try {
    await renderer.compileAsync(scene, camera);
    await presenter.compile(renderer);
    // Nothing is on screen yet (the engine scene is still empty), so drawing here is harmless.
    // Through the presenter: the pipelines are built for its render target and the canvas.
    presenter.draw(renderer, scene, camera);
    presenter.present(renderer);
  } finally {
    lines.geometry.dispose();
    points.geometry.dispose();
    somata.dispose();
    sphere.dispose();
  }
}
