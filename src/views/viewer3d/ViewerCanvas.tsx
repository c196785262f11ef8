import { Canvas } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { CameraRig, type CameraCommand, type Projection } from '../../3d/scene/CameraRig.tsx';
import type { CameraPose } from '../../3d/scene/camera-math.ts';
import { EngineScene, type FrameInfo } from '../../3d/scene/EngineScene.tsx';
import type { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import type { ViewerHandle } from '../../3d/scene/viewer-handle.ts';
import { rendererInOwnTask } from '../../3d/scene/renderer-factory.ts';
import { AfterATask } from '../../components/AfterATask.tsx';

export interface PickResult {
  skeletonId: number;
  nodeIndex: number;
}

interface Props {
  engine: ViewerEngine;
  handle: ViewerHandle;
  projection: Projection;
  background: string;
  initialPose: CameraPose | null;
  command: CameraCommand | null;
  onPoseEnd(pose: CameraPose, projection: Projection): void;
  onFrame(info: FrameInfo): void;
  onHover(hit: PickResult | null, x: number, y: number): void;
  onPick(hit: PickResult | null): void;
}

const HOVER_DELAY_MS = 60;
/** One factory for every mount: R3F calls it once per root. */
const createRenderer = rendererInOwnTask();
const CLICK_SLOP_PX = 4;

/** The WebGL canvas: render on demand, GPU picking on hover (after a pause) and click. */
export function ViewerCanvas(p: Props) {
  const { engine, handle } = p;
  const wrapper = useRef<HTMLDivElement>(null);
  const cb = useRef(p);
  useEffect(() => {
    cb.current = p;
  });

  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let down: { x: number; y: number } | null = null;
    /** Picks finish asynchronously; only the latest hover's answer is used (clicks always). */
    let hovers = 0;
    const pickAt = async (clientX: number, clientY: number): Promise<PickResult | null> => {
      const renderer = handle.renderer;
      const camera = handle.camera;
      if (!renderer || !camera) return null;
      const rect = renderer.domElement.getBoundingClientRect();
      const hit = await engine.picker.pick({
        renderer,
        camera,
        layer: engine.lines,
        x: clientX - rect.left,
        y: clientY - rect.top,
        width: rect.width,
        height: rect.height,
      });
      const found = hit ? engine.model.pick(hit.blockId, hit.vertex) : null;
      return found ? { skeletonId: found.record.skeletonId, nodeIndex: found.nodeIndex } : null;
    };
    const onMove = (e: PointerEvent) => {
      clearTimeout(timer);
      if (e.buttons !== 0) return;
      const { clientX, clientY } = e;
      timer = setTimeout(() => {
        const rect = el.getBoundingClientRect();
        const seq = ++hovers;
        void pickAt(clientX, clientY).then((hit) => {
          // A later hover or leaving the canvas has taken over meanwhile.
          if (seq === hovers) cb.current.onHover(hit, clientX - rect.left, clientY - rect.top);
        });
      }, HOVER_DELAY_MS);
    };
    const onLeave = () => {
      clearTimeout(timer);
      hovers++;
      cb.current.onHover(null, 0, 0);
    };
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onUp = (e: PointerEvent) => {
      if (e.button !== 0 || !down) return;
      const moved = Math.hypot(e.clientX - down.x, e.clientY - down.y);
      down = null;
      if (moved > CLICK_SLOP_PX) return;
      void pickAt(e.clientX, e.clientY).then((hit) => cb.current.onPick(hit));
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointerup', onUp);
    return () => {
      clearTimeout(timer);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointerup', onUp);
    };
  }, [engine, handle]);

  return (
    <div ref={wrapper} className="viewer3d-canvas">
      <Canvas
        frameloop="demand"
        flat
        linear
        dpr={[1, 2]}
        gl={createRenderer}
        style={{ background: p.background }}
        aria-label="3D rendering of the selected neurons"
      >
        <EngineScene engine={engine} handle={handle} onFrame={p.onFrame} />
        {/* Frames wait for the shader warm-up, which takes longer than a task: none is drawn
            before the rig has set the camera. */}
        <AfterATask>
          <CameraRig
            handle={handle}
            projection={p.projection}
            initialPose={p.initialPose}
            engine={engine}
            command={p.command}
            onPoseEnd={p.onPoseEnd}
          />
        </AfterATask>
      </Canvas>
    </div>
  );
}
