/**
 * "Show in 3D" for paths: exactly the synapses of each hop of the chosen paths (one
 * many_to_many request per distinct hop, u → v), handed to the 3D view as the connector highlight
 * the Connectivity view uses; asking for all path neurons at once would also bring synapses
 * between path neurons that no path uses.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { connectorsBetweenQuery, type ConnectorLink } from '../../api/connectors-between.ts';
import type { CircuitPath } from '../../analysis/circuit-paths.ts';
import { pathEdges, pathNeurons } from '../../analysis/circuit-paths.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { highlightOf } from '../connectivity/use-synapse-highlight.ts';

export function usePathHighlight() {
  const scope = useProjectScope();
  const queryClient = useQueryClient();
  const setConnectorHighlight = useSelection((s) => s.setConnectorHighlight);
  const update = useUrlStore((s) => s.update);
  return useMutation({
    mutationFn: async ({
      paths,
      label,
      relation = 'presynaptic_to',
    }: {
      paths: readonly CircuitPath[];
      label: string;
      /** `gapjunction_with` for gap-junction paths. */
      relation?: string;
    }) => {
      const links: ConnectorLink[] = [];
      for (const e of pathEdges(paths))
        links.push(
          ...(await queryClient.fetchQuery(
            connectorsBetweenQuery(scope, [e.source], [e.target], relation),
          )),
        );
      const ids = pathNeurons(paths);
      return highlightOf({ pre: ids, post: ids, label }, links);
    },
    onSuccess: (highlight) => {
      setConnectorHighlight(highlight);
      update((s) => ({ ...s, view: '3d' }));
    },
  });
}
