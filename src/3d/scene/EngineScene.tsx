/**
 * Mounts the engine's scene graph and takes over rendering (useFrame priority 1). Each frame:
 * if the GPU is still busy with the previous one, only poll again next animation frame (never
 * queue work behind it, which would block the main thread); else upload new geometry within a
 * byte budget and draw, then fence. While neurons stream in, full draws are spaced out (with
 * software GL a frame of millions of vertices takes long) and uploads continue in between.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { GpuFence, webgl2Of } from './gpu-fence.ts';
import { warmUpShaders } from './shader-warmup.ts';
import type { ViewerEngine } from './viewer-engine.ts';
import type { ViewerHandle } from './viewer-handle.ts';

/** Minimum time between draws while neurons stream in: small and big scenes. */
const FRAME_BUDGET_MS = 300;
const BIG_FRAME_BUDGET_MS = 3000;
const BIG_SCENE_NODES = 600_000;
/** Geometry bytes sent to the GPU per animation frame (a few ms of copying). */
const UPLOAD_BYTES_PER_FRAME = 4 << 20;

export interface FrameInfo {
  drawCalls: number;
  /** Everything loaded was uploaded and drawn in this frame. */
  complete: boolean;
}

interface Props {
  engine: ViewerEngine;
  handle: ViewerHandle;
  onFrame(info: FrameInfo): void;
}

export function EngineScene({ engine, handle, onFrame }: Props) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const get = useThree((s) => s.get);
  const onFrameRef = useRef(onFrame);
  const loop = useRef({ lastDraw: -Infinity, timer: 0 as ReturnType<typeof setTimeout> | 0 });
  const fence = useRef<GpuFence | null>(null);
  useLayoutEffect(() => {
    onFrameRef.current = onFrame;
  });

  useLayoutEffect(() => handle.attach(gl, scene, invalidate), [gl, scene, invalidate, handle]);
  useLayoutEffect(() => {
    engine.attachRenderer(gl);
    const gl2 = webgl2Of(gl.getContext());
    fence.current = gl2 ? new GpuFence(gl2) : null;
    // A failed warm-up only means the first frame compiles the shaders itself.
    // Redraw after it: the warm-up draw went to the screen.
    warmUpShaders(gl, engine, get().camera).then(
      () => invalidate(),
      () => undefined,
    );
    return () => {
      fence.current?.clear();
      engine.attachRenderer(null);
    };
  }, [engine, gl, get, invalidate]);

  useEffect(() => {
    const state = loop.current;
    const unsubscribe = engine.subscribe(invalidate);
    return () => {
      clearTimeout(state.timer);
      unsubscribe();
    };
  }, [engine, invalidate]);

  useFrame(({ gl: renderer, scene: s, camera, invalidate: again }) => {
    const f = fence.current;
    if (f?.busy()) {
      again();
      return;
    }
    const { pending } = engine.sync(UPLOAD_BYTES_PER_FRAME);
    const state = loop.current;
    const now = performance.now();
    const spacing =
      engine.model.nodeCount > BIG_SCENE_NODES ? BIG_FRAME_BUDGET_MS : FRAME_BUDGET_MS;
    const streaming = pending || engine.loading;
    const wait = state.lastDraw + spacing - now;
    if (streaming && wait > 0) {
      // Not time for a full draw yet: keep uploading, or come back when it is.
      f?.arm();
      if (pending) again();
      else {
        clearTimeout(state.timer);
        state.timer = setTimeout(again, wait);
      }
      return;
    }
    state.lastDraw = now;
    renderer.render(s, camera);
    f?.arm();
    if (pending) again();
    onFrameRef.current({ drawCalls: renderer.info.render.calls, complete: !streaming });
  }, 1);

  return <primitive object={engine.root} dispose={null} />;
}
