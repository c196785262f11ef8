/**
 * The viewer's WebGL renderer, built in a task of its own. Mounting the 3D view used to create
 * the WebGL context, size it and mount the scene in one main-thread task of 40–50 ms of CPU
 * (100+ ms of wall time on a busy machine; bench/lab.ts's reopen). Given to R3F's `<Canvas gl>`
 * as an async factory, the context is created after a yield; R3F then mounts the scene in a
 * later render, so no task carries all three.
 */
import { WebGLRenderer, type WebGLRendererParameters } from 'three';
import { yieldToMain } from '../../lib/time-sliced.ts';

/** What the viewer asks of its context: no MSAA, a transparent background, read-back. */
export const VIEWER_GL_OPTIONS = {
  antialias: false,
  alpha: true,
  preserveDrawingBuffer: true,
} as const satisfies WebGLRendererParameters;

export interface RendererFactoryDeps<R> {
  create(parameters: WebGLRendererParameters): R;
  yieldFn(): Promise<void>;
}

/** R3F's renderer factory: its defaults (the canvas, power preference) with the viewer's options. */
export function rendererInOwnTask<R = WebGLRenderer>(
  deps: RendererFactoryDeps<R> = {
    create: (p) => new WebGLRenderer(p) as R,
    yieldFn: yieldToMain,
  },
): (defaults: WebGLRendererParameters) => Promise<R> {
  return async (defaults) => {
    await deps.yieldFn();
    return deps.create({ ...defaults, ...VIEWER_GL_OPTIONS });
  };
}
