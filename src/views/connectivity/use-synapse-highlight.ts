/**
 * "Show in 3D": fetch the synapses from one set of skeletons onto another, hand them to the 3D
 * view as the connector highlight, and switch to it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { connectorsBetweenQuery, distinctConnectorIds } from '../../api/connectors-between.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';

export interface SynapseHighlight {
  show(pre: readonly number[], post: readonly number[], label: string): void;
  pending: boolean;
  error: unknown;
  /** Repeats the last `show` (after it failed). */
  retry(): void;
}

export function useSynapseHighlight(): SynapseHighlight {
  const scope = useProjectScope();
  const queryClient = useQueryClient();
  const setConnectorHighlight = useSelection((s) => s.setConnectorHighlight);
  const update = useUrlStore((s) => s.update);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [last, setLast] = useState<Parameters<SynapseHighlight['show']> | null>(null);
  function show(...[pre, post, label]: Parameters<SynapseHighlight['show']>) {
    setLast([pre, post, label]);
    setPending(true);
    setError(null);
    queryClient
      .fetchQuery(connectorsBetweenQuery(scope, pre, post, 'presynaptic_to'))
      .then((links) => {
        setConnectorHighlight({
          label,
          skeletonIds: [...new Set([...pre, ...post])],
          connectorIds: distinctConnectorIds(links),
        });
        update((s) => ({ ...s, view: '3d' }));
      })
      .catch((e: unknown) => setError(e))
      .finally(() => setPending(false));
  }
  return {
    pending,
    error,
    show,
    retry() {
      if (last) show(...last);
    },
  };
}
