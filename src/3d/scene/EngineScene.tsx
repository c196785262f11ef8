/**
 * Mounts the engine's scene graph and takes over rendering (useFrame priority 1): every R3F
 * invalidation asks the FrameLoop for a frame, which uploads, draws off screen, fences and shows
 * finished frames without ever waiting on the GPU from the main thread. While only geometry is
 * appended, a frame draws just what was added over the last one (frame-accumulation.ts).
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { FrameAccumulation } from './frame-accumulation.ts';
import { FrameLoop, type FrameInfo } from './frame-loop.ts';
import { FramePresenter } from './frame-presenter.ts';
import { frameState, surfaceOf } from './frame-state.ts';
import { GpuFence, webgl2Of } from './gpu-fence.ts';
import { warmUpShaders } from './shader-warmup.ts';
import type { ViewerEngine } from './viewer-engine.ts';
import type { ViewerHandle } from './viewer-handle.ts';

export type { FrameInfo } from './frame-loop.ts';

interface Props {
  engine: ViewerEngine;
  handle: ViewerHandle;
  onFrame(info: FrameInfo): void;
}

/** Without WebGL2 fences every frame counts as finished at once. */
const NO_FENCE = { arm: () => undefined, busy: () => false };

export function EngineScene({ engine, handle, onFrame }: Props) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const get = useThree((s) => s.get);
  const size = useThree((s) => s.size);
  const onFrameRef = useRef(onFrame);
  const loop = useRef<FrameLoop | null>(null);
  const presenterRef = useRef<FramePresenter | null>(null);
  const warmed = useRef(false);
  /** The warm-up has finished (or failed): frames may be drawn. */
  const warmedUp = useRef(false);
  useLayoutEffect(() => {
    onFrameRef.current = onFrame;
  });

  useLayoutEffect(() => handle.attach(gl, scene, invalidate), [gl, scene, invalidate, handle]);
  useLayoutEffect(() => {
    engine.attachRenderer(gl);
    const gl2 = webgl2Of(gl.getContext());
    const gpuFence = gl2 ? new GpuFence(gl2) : null;
    const fence = gpuFence ?? NO_FENCE;
    const presenter = new FramePresenter();
    const accumulation = new FrameAccumulation();
    const state = () => frameState(engine, get().camera, surfaceOf(gl), () => presenter.cleared);
    const frames = new FrameLoop({
      now: () => performance.now(),
      // A running pick pass counts as GPU work too: showing a frame must not wait behind it.
      fence: { arm: () => fence.arm(), busy: () => fence.busy() || engine.picker.busy() },
      warm: () => warmedUp.current,
      sync: (budget) => engine.sync(budget),
      drain: () => engine.drainIncoming(),
      empty: () => engine.nothingDrawable,
      loading: () => ({ active: engine.loading, fraction: engine.loadFraction }),
      draw: () =>
        accumulation.draw(state(), (clear) => presenter.draw(gl, scene, get().camera, clear)),
      adds: () => accumulation.canAdd(state()),
      present: () => presenter.present(gl),
      onFrame: (info) => onFrameRef.current(info),
      requestAnimationFrame: (cb) => requestAnimationFrame(cb),
      cancelAnimationFrame: (h) => cancelAnimationFrame(h),
      setTimeout: (cb, ms) => setTimeout(cb, ms),
      clearTimeout: (h) => clearTimeout(h),
    });
    loop.current = frames;
    presenterRef.current = presenter;
    return () => {
      frames.dispose();
      loop.current = null;
      presenterRef.current = null;
      warmed.current = false;
      warmedUp.current = false;
      gpuFence?.clear();
      presenter.dispose();
      engine.attachRenderer(null);
    };
  }, [engine, gl, scene, get, invalidate]);

  // Warm up once the canvas has its real size (R3F sizes it after the first layout): the first
  // frame at a new size also sets up the page's read-back of the canvas, which is slow once.
  useEffect(() => {
    const presenter = presenterRef.current;
    if (warmed.current || !presenter || size.width === 0 || size.height === 0) return;
    const id = requestAnimationFrame(() => {
      // Marked here, not before: a size change before this frame cancels it and must not leave
      // the canvas without a warm-up (nor without `data-warm`).
      warmed.current = true;
      // A failed warm-up only means the first frames compile the shaders themselves.
      // `data-warm` on the canvas: the bench waits for it before timing a load.
      warmUpShaders(gl, engine, presenter)
        .catch(() => undefined)
        .finally(() => {
          // Not for a presenter replaced meanwhile: its own warm-up is still to come.
          if (presenterRef.current === presenter) warmedUp.current = true;
          gl.domElement.dataset.warm = 'true';
          invalidate();
        });
    });
    return () => cancelAnimationFrame(id);
    // scene and get too: whenever the effect above makes a new presenter (and holds frames for
    // its warm-up), this one runs again.
  }, [engine, gl, scene, get, invalidate, size.width, size.height]);

  useEffect(() => engine.subscribe(invalidate), [engine, invalidate]);

  useFrame(() => loop.current?.request(), 1);

  return <primitive object={engine.root} dispose={null} />;
}
