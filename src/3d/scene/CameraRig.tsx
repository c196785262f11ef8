/** R3F wrapper around CameraController: default camera, resize, presets, framing, projection. */
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CameraPose } from './camera-math.ts';
import { CameraController, type FrameView, type Projection } from './camera-controller.ts';
import type { ViewerEngine } from './viewer-engine.ts';
import type { ViewerHandle } from './viewer-handle.ts';

export type { Projection } from './camera-controller.ts';

export interface CameraCommand {
  view: FrameView;
  /** Increments on every click so the same preset can be applied twice. */
  seq: number;
}

interface Props {
  handle: ViewerHandle;
  projection: Projection;
  /** Pose to start from (the URL); null = frame the neurons from XY until the user moves. */
  initialPose: CameraPose | null;
  /** The scene to frame: re-framed as neurons enter the model, until the user moves. */
  engine: ViewerEngine;
  command: CameraCommand | null;
  onPoseEnd(pose: CameraPose, projection: Projection): void;
}

export function CameraRig({ handle, projection, initialPose, engine, command, onPoseEnd }: Props) {
  const gl = useThree((s) => s.gl);
  const set = useThree((s) => s.set);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const [rig] = useState(() => new CameraController(handle, initialPose, projection));
  const appliedSeq = useRef(0);

  useLayoutEffect(() => {
    rig.setOnPoseEnd(onPoseEnd);
  }, [rig, onPoseEnd]);

  useLayoutEffect(() => {
    rig.resize(size.width, size.height);
    invalidate();
  }, [rig, size, invalidate]);

  useLayoutEffect(() => {
    const detach = rig.attach(gl.domElement, projection, invalidate);
    set({ camera: rig.camera });
    return detach;
  }, [rig, gl, projection, set, invalidate]);

  useEffect(() => {
    rig.setBoundsSource({
      all: () => (engine.model.slotSkeleton.length > 0 ? engine.model.bounds : null),
      visible: () => engine.visibleBounds(),
      expected: () => engine.expectedBounds(),
      growing: () => engine.neuronsToCome,
    });
    invalidate();
    // Neurons enter the model a few per frame, after they were reported loaded: framing follows
    // the model itself, so the last arrivals are never left outside the first view.
    return engine.onModelChange(() => rig.boundsChanged());
  }, [rig, engine, invalidate]);

  useEffect(() => {
    if (!command || command.seq === appliedSeq.current) return;
    appliedSeq.current = command.seq;
    rig.frame(command.view, true);
  }, [rig, command]);

  return null;
}
