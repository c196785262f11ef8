/** R3F wrapper around CameraController: default camera, resize, presets, projection switch. */
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Bounds } from '../geometry/scene-model.ts';
import type { AxisView, CameraPose } from './camera-math.ts';
import { CameraController, type Projection } from './camera-controller.ts';
import type { ViewerHandle } from './viewer-handle.ts';

export type { Projection } from './camera-controller.ts';

export interface CameraCommand {
  view: AxisView;
  /** Increments on every click so the same preset can be applied twice. */
  seq: number;
}

interface Props {
  handle: ViewerHandle;
  projection: Projection;
  /** Pose to start from (the URL); null = frame the neurons from XY until the user moves. */
  initialPose: CameraPose | null;
  bounds: Bounds | null;
  /** Bumped when more neurons arrived (the bounds object itself is updated in place). */
  boundsVersion: number;
  command: CameraCommand | null;
  onPoseEnd(pose: CameraPose, projection: Projection): void;
}

export function CameraRig({
  handle,
  projection,
  initialPose,
  bounds,
  boundsVersion,
  command,
  onPoseEnd,
}: Props) {
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
    rig.setBounds(bounds);
    invalidate();
  }, [rig, bounds, boundsVersion, invalidate]);

  useEffect(() => {
    if (!command || command.seq === appliedSeq.current) return;
    appliedSeq.current = command.seq;
    rig.frame(command.view, true);
  }, [rig, command]);

  return null;
}
