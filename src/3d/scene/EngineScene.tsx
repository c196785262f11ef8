/**
 * Mounts the engine's scene graph and takes over rendering (useFrame priority 1): each frame
 * first copies pending buffer ranges to the GPU, then renders, then reports what was drawn.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ViewerEngine } from './viewer-engine.ts';
import type { ViewerHandle } from './viewer-handle.ts';

/** Minimum time between redraws while neurons stream in: small and big scenes. */
const FRAME_BUDGET_MS = 300;
const BIG_FRAME_BUDGET_MS = 1500;
const BIG_SCENE_NODES = 600_000;

export interface FrameInfo {
  drawCalls: number;
  /** Nothing was waiting to be uploaded when this frame was drawn. */
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
  const onFrameRef = useRef(onFrame);
  useLayoutEffect(() => {
    onFrameRef.current = onFrame;
  });

  useLayoutEffect(() => handle.attach(gl, scene, invalidate), [gl, scene, invalidate, handle]);

  // While skeletons stream in, redraw at most every FRAME_BUDGET_MS: with software WebGL a
  // frame of millions of vertices takes long, and one per arriving chunk would starve loading.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const unsubscribe = engine.subscribe(() => {
      if (timer) return;
      const budget =
        engine.model.nodeCount > BIG_SCENE_NODES ? BIG_FRAME_BUDGET_MS : FRAME_BUDGET_MS;
      const wait = Math.max(0, last + budget - performance.now());
      timer = setTimeout(() => {
        timer = undefined;
        last = performance.now();
        invalidate();
      }, wait);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [engine, invalidate]);

  useFrame(({ gl: renderer, scene: s, camera }) => {
    engine.sync();
    renderer.render(s, camera);
    onFrameRef.current({ drawCalls: renderer.info.render.calls, complete: true });
  }, 1);

  return <primitive object={engine.root} dispose={null} />;
}
