/**
 * Test signals written onto the viewer region after every drawn frame, next to the readiness
 * ones (scene-readiness.ts):
 *   data-highlighted-synapses  highlighted-synapse markers in the frame
 *   data-context-neurons       context neurons (a highlight's partners outside the selection)
 *                              in the model and drawn
 *   data-view-projection       the camera's projection × view matrix (16 numbers, column-major),
 *                              so a test can check where any node lands on the canvas
 */
import * as THREE from 'three';
import type { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import type { ViewerHandle } from '../../3d/scene/viewer-handle.ts';

const m = new THREE.Matrix4();

export function writeFrameSignals(
  el: HTMLElement,
  engine: ViewerEngine,
  handle: ViewerHandle,
  contextIds: readonly number[],
): void {
  const d = el.dataset;
  d.highlightedSynapses = String(engine.markerCount);
  d.contextNeurons = String(
    contextIds.filter((id) => engine.model.has(id) && (engine.styleOf(id)?.alpha ?? 0) > 0).length,
  );
  const cam = handle.camera;
  if (cam) {
    cam.updateMatrixWorld();
    m.multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse);
    d.viewProjection = m.elements.map((v) => v.toPrecision(8)).join(',');
  }
}
