/**
 * Builds every GPU program and pipeline the first frames need, as soon as the canvas exists.
 * Otherwise the first frame with neurons compiles and links the programs synchronously (100+ ms
 * on the main thread with software GL), and the GL backend builds its pipelines when it first
 * executes a draw, so the first frames shown (and the page's read-back of them) wait 100–200 ms
 * more. Stand-in objects of the same kinds (indexed lines, points, instanced somata) give the
 * same program cache keys; they are drawn visibly (slot 0 gets a colour for the moment), into the
 * presenter's render target, which is then cleared before the copy to the canvas, so nothing of
 * them is ever seen.
 */
import * as THREE from 'three';
import { buildPalette } from '../geometry/colour-modes.ts';
import type { FramePresenter } from './frame-presenter.ts';
import type { ViewerEngine } from './viewer-engine.ts';

function geometry(infoSize: number, indexed: boolean): THREE.BufferGeometry {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(Float32Array.of(-0.5, 0, 0, 0.5, 0, 0), 3));
  g.setAttribute('aInfo', new THREE.BufferAttribute(new Uint16Array(2 * infoSize), infoSize));
  if (indexed) g.setIndex(new THREE.BufferAttribute(Uint32Array.of(0, 1), 1));
  return g;
}

export async function warmUpShaders(
  renderer: THREE.WebGLRenderer,
  engine: ViewerEngine,
  presenter: FramePresenter,
): Promise<void> {
  const scene = new THREE.Scene();
  const camera = new THREE.OrthographicCamera(-1, 1, 1, -1, -10, 10);
  const lines = new THREE.LineSegments(geometry(4, true), engine.lines.material);
  const points = new THREE.Points(geometry(2, false), engine.connectors.material);
  const sphere = new THREE.SphereGeometry(0.2, 4, 2);
  sphere.setAttribute('aSoma', new THREE.InstancedBufferAttribute(new Float32Array(4), 4));
  const somata = new THREE.InstancedMesh(sphere, engine.somata.material, 1);
  somata.setMatrixAt(0, new THREE.Matrix4());
  scene.add(lines, points, somata);
  try {
    await renderer.compileAsync(scene, camera);
    await presenter.compile(renderer);
    engine.palette.setSlotColors(
      buildPalette(1, () => ({ rgb: [255, 255, 255], alpha: 1 })),
      1,
    );
    presenter.draw(renderer, scene, camera);
    presenter.draw(renderer, new THREE.Scene(), camera);
    presenter.present(renderer);
  } finally {
    engine.invalidatePalette();
    lines.geometry.dispose();
    points.geometry.dispose();
    somata.dispose();
    sphere.dispose();
  }
}
