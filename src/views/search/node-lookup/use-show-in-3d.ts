/**
 * "Show in 3D at this node": the skeleton joins the selection, the view switches to 3D with the
 * camera looking at the node along CATMAID's XY view (down +z, y down), and a marker shows the
 * node (the 3D view's highlight markers), as one history entry.
 */
import type { ProjectPoint } from '../../../lib/catmaid-link.ts';
import { useSelectionStore } from '../../../state/selection-context.tsx';
import { useUrlStore } from '../../../state/url-store.ts';

/** How far the camera stands back from the node, nm (a neuron's neighbourhood fills the view). */
const VIEW_DISTANCE = 30_000;

export function useShowIn3d() {
  const selection = useSelectionStore();
  const update = useUrlStore((s) => s.update);
  return (skeletonId: number | null, at: ProjectPoint, label: string) => {
    const store = selection.getState();
    if (skeletonId !== null) store.add([skeletonId]);
    store.setConnectorHighlight({
      label,
      skeletonIds: skeletonId !== null ? [skeletonId] : [],
      connectorIds: [],
      positions: [at.x, at.y, at.z],
    });
    update(
      (s) => ({
        ...s,
        view: '3d',
        camera: {
          projection: 'perspective',
          target: [at.x, at.y, at.z],
          position: [at.x, at.y, at.z - VIEW_DISTANCE],
          up: [0, -1, 0],
          zoom: 1,
        },
      }),
      'push',
    );
  };
}

/** `?view=neuron&skid=…` (the Neuron view's keys), keeping the project and the selection. */
export function neuronPageHref(skeletonId: number, projectId: number): string {
  const params = new URLSearchParams([
    ['view', 'neuron'],
    ['pid', String(projectId)],
    ['skid', String(skeletonId)],
  ]);
  const hash = typeof window === 'undefined' ? '' : window.location.hash;
  return `?${params.toString()}${hash}`;
}
