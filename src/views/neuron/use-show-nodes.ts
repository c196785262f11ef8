/**
 * "Show in 3D" for nodes of one neuron (a tag's nodes, the open ends): hands them to the 3D view
 * as its marker highlight (the mechanism of connectivity/use-synapse-highlight.ts; markers need
 * no loaded skeleton) and switches to it. The neuron loads there as context if it is not in the
 * selection.
 */
import { useCallback } from 'react';
import type { ArborNode } from '../../analysis/neuron/arbor.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';

export function useShowNodesIn3D(skeletonId: number, nodes: readonly ArborNode[]) {
  const setHighlight = useSelection((s) => s.setConnectorHighlight);
  const update = useUrlStore((s) => s.update);
  return useCallback(
    (nodeIds: readonly number[], label: string) => {
      const wanted = new Set(nodeIds);
      const picked = nodes.filter((n) => wanted.has(n.nodeId));
      setHighlight({
        label,
        unit: 'nodes',
        skeletonIds: [skeletonId],
        // The markers are treenodes here; the ids list keeps its meaning "what is marked".
        connectorIds: picked.map((n) => n.nodeId),
        positions: picked.flatMap((n) => [n.x, n.y, n.z]),
      });
      update((s) => ({ ...s, view: '3d' }), 'push');
    },
    [nodes, setHighlight, skeletonId, update],
  );
}
