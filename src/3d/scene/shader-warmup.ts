/**
 * Builds every GPU program and pipeline the first frames need, as soon as the canvas exists.
 * Otherwise the first frame with neurons compiles and links the programs synchronously (100+ ms
 * on the main thread with software GL), and the GL backend builds its pipelines when it first
 * executes a draw, so the first frames shown (and the page's read-back of them) wait 100–200 ms
 * more. Stand-in objects of the same kinds (indexed lines, points, instanced somata) give the
 * same program cache keys; they are drawn visibly (slot 0 gets a colour for the moment), into the
 * presenter's render target, which is then cleared before the copy to the canvas, so nothing of
 * them is ever seen.
 *
 * The main thread must never wait for the GPU process meanwhile (see runWarmup): with software
 * compositing the page reads the canvas back at every commit after it was drawn to, and that
 * read waited (100–250 ms) for the warm-up draws and their first-time pipeline builds when the
 * copy to the canvas followed them in the same task.
 */
import * as THREE from 'three';
import { buildPalette } from '../geometry/colour-modes.ts';
import type { FramePresenter } from './frame-presenter.ts';
import { gpuIdle, reserveGpu, webgl2Of } from './gpu-fence.ts';
import type { ViewerEngine } from './viewer-engine.ts';

function geometry(infoSize: number, indexed: boolean): THREE.BufferGeometry {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(Float32Array.of(-0.5, 0, 0, 0.5, 0, 0), 3));
  g.setAttribute('aInfo', new THREE.BufferAttribute(new Uint16Array(2 * infoSize), infoSize));
  if (indexed) g.setIndex(new THREE.BufferAttribute(Uint32Array.of(0, 1), 1));
  return g;
}

/** A compiled program: its link state and its first use (uniform and attribute lookups). */
export interface WarmProgram {
  /** KHR_parallel_shader_compile's completion status (one synchronous GL query). */
  isReady(): boolean;
  /** Fetches uniform and attribute locations and logs (several synchronous GL queries). */
  getUniforms(): unknown;
}

export interface WarmupSteps {
  /** Issues the compiles and links (no waiting); returns the programs. */
  compile(): WarmProgram[];
  /** Draws the stand-ins into the off-screen frame, then clears it. */
  drawOffscreen(): void;
  /** Runs the copy to the canvas into a scratch target, so its pipeline exists. */
  copyOffscreen(): void;
  /** Copies the (cleared) off-screen frame to the canvas. */
  present(): void;
}

export interface WarmupWaits {
  /** Resolves in a later task. */
  nextTask(): Promise<void>;
  /** Resolves a little later (polling a program still linking). */
  pause(): Promise<void>;
  /** Resolves once the GPU has finished every command issued so far, polled without blocking. */
  gpuIdle(): Promise<void>;
}

/** Pauses between completion polls before giving up (about 5 s). */
export const MAX_LINK_POLLS = 500;

/**
 * The warm-up's order, so that no task waits long for the GPU process:
 * - nothing is issued in the task (animation frame) it starts in: that frame's commit reads the
 *   freshly sized canvas back, a read that waits for every command queued before it;
 * - the programs' completion is polled only after the GPU process has taken the compiles (each
 *   poll is a synchronous query, answered at once then), and they are looked up (more queries,
 *   which would wait for a link still running) only once all of them report complete;
 * - the stand-ins are drawn off screen in that task (the lookups done, the draw queries
 *   nothing), with a copy into a scratch target that builds the copy's pipeline; the canvas is
 *   touched only once both have finished on the GPU, so the commit after the present reads back
 *   a finished, cheap copy.
 * Few task hops: every one waits behind the loading's tasks, and frames wait for the warm-up.
 * Resolves once the present has finished too, so the first frames start on an idle GPU.
 */
export async function runWarmup(steps: WarmupSteps, waits: WarmupWaits): Promise<void> {
  await waits.nextTask();
  const programs = steps.compile();
  await waits.gpuIdle();
  let linking = programs.filter((p) => !p.isReady());
  // A link that never reports completion (a driver bug) ends the polling: its lookup below
  // then waits for it once, as an unwarmed first frame would.
  for (let polls = 0; linking.length > 0 && polls < MAX_LINK_POLLS; polls++) {
    await waits.pause();
    linking = linking.filter((p) => !p.isReady());
  }
  for (const program of programs) program.getUniforms();
  steps.drawOffscreen();
  steps.copyOffscreen();
  await waits.gpuIdle();
  steps.present();
  await waits.gpuIdle();
}

/** three.js's program of a compiled material (its type declarations leave it `unknown`). */
function programOf(renderer: THREE.WebGLRenderer, material: THREE.Material): WarmProgram | null {
  const props = renderer.properties.get(material) as { currentProgram?: unknown } | undefined;
  const p = props?.currentProgram as Partial<WarmProgram> | undefined;
  if (!p || typeof p.getUniforms !== 'function') return null;
  const gl = renderer.getContext();
  return {
    isReady: () => {
      // Its programs are gone with it (and their status reads as never complete): stop here.
      if (gl.isContextLost()) throw new Error('WebGL context lost during the shader warm-up');
      return typeof p.isReady === 'function' ? p.isReady() : true;
    },
    getUniforms: () => p.getUniforms?.(),
  };
}

/** A task after this one (and after the commit of the frame it runs in). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
  const gl = webgl2Of(renderer.getContext());
  // Frames (and their presents to the canvas) wait until the warm-up has finished.
  const release = gl ? reserveGpu(gl) : () => undefined;
  try {
    await runWarmup(
      {
        compile: () => {
          renderer.compile(scene, camera);
          const copy = presenter.compileMaterials(renderer);
          return [lines.material, points.material, somata.material, ...copy]
            .map((m) => programOf(renderer, m))
            .filter((p): p is WarmProgram => p !== null);
        },
        drawOffscreen: () => {
          engine.palette.setSlotColors(
            buildPalette(1, () => ({ rgb: [255, 255, 255], alpha: 1 })),
            1,
          );
          presenter.draw(renderer, scene, camera);
          presenter.draw(renderer, new THREE.Scene(), camera);
        },
        copyOffscreen: () => presenter.warmCopy(renderer),
        present: () => presenter.present(renderer),
      },
      {
        nextTask,
        pause: () => new Promise((resolve) => setTimeout(resolve, 10)),
        gpuIdle: () => (gl ? gpuIdle(gl, (cb) => setTimeout(cb, 4)) : Promise.resolve()),
      },
    );
  } finally {
    release();
    engine.invalidatePalette();
    lines.geometry.dispose();
    points.geometry.dispose();
    somata.dispose();
    sphere.dispose();
  }
}
