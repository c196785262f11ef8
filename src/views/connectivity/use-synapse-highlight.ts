/**
 * "Show in 3D": fetch the synapses from one set of skeletons onto another, hand them to the 3D
 * view as the connector highlight (ids and positions, so the markers need no loaded skeleton),
 * and switch to it. The 3D view loads the highlight's skeletons that are not in the selection as
 * dimmed context. With a reciprocal link type chosen (URL key `klt`, e.g. gap junctions) it shows
 * the connectors of that relation between the two sets instead of chemical synapses.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { linkTypesQuery } from '../../api/connector-types.ts';
import { useCallback } from 'react';
import {
  connectorsBetweenQuery,
  distinctConnectorIds,
  type ConnectorLink,
} from '../../api/connectors-between.ts';
import type { ConnectorHighlight } from '../../state/selection-store.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';

export interface SynapseHighlight {
  /** `keep` narrows the links shown, e.g. to those on one compartment (the restricted matrix). */
  show(
    pre: readonly number[],
    post: readonly number[],
    label: string,
    keep?: (l: ConnectorLink) => boolean,
  ): void;
  pending: boolean;
  error: unknown;
  /** Repeats the last `show` (after it failed). */
  retry(): void;
}

interface Request {
  pre: readonly number[];
  post: readonly number[];
  label: string;
  relation: string;
  keep?: ((l: ConnectorLink) => boolean) | undefined;
}

/** The many_to_many relation of the chosen link type: `presynaptic_to` for chemical synapses. */
export function highlightRelation(
  types: readonly { id: string; relation: string | null }[],
  chosen: string,
): string {
  return types.find((t) => t.id === chosen)?.relation ?? 'presynaptic_to';
}

/** One marker per synapse (link), at its connector, as the partner tables count them. */
export function highlightOf(
  { pre, post, label }: Pick<Request, 'pre' | 'post' | 'label'>,
  links: readonly ConnectorLink[],
): ConnectorHighlight {
  return {
    label,
    skeletonIds: [...new Set([...pre, ...post])],
    connectorIds: distinctConnectorIds(links),
    positions: links.flatMap((l) => [...l.connectorPosition]),
  };
}

export function useSynapseHighlight(): SynapseHighlight {
  const scope = useProjectScope();
  const queryClient = useQueryClient();
  const setConnectorHighlight = useSelection((s) => s.setConnectorHighlight);
  const update = useUrlStore((s) => s.update);
  const chosen = useUrlStore((s) => s.state.circuits.linkType);
  const types = useQuery(linkTypesQuery(scope)).data;
  const relation = highlightRelation(types ?? [], chosen);
  const mutation = useMutation({
    mutationFn: async (r: Request) => {
      const links = await queryClient.fetchQuery(
        connectorsBetweenQuery(scope, r.pre, r.post, r.relation),
      );
      return highlightOf(r, r.keep ? links.filter(r.keep) : links);
    },
    onSuccess: (highlight) => {
      setConnectorHighlight(highlight);
      update((s) => ({ ...s, view: '3d' }));
    },
  });
  const { mutate } = mutation;
  const show = useCallback(
    (
      pre: readonly number[],
      post: readonly number[],
      label: string,
      keep?: (l: ConnectorLink) => boolean,
    ) =>
      mutate({
        pre,
        post,
        relation,
        keep,
        // Reciprocal links have no direction.
        label: relation === 'presynaptic_to' ? label : label.replace(' → ', ' ↔ '),
      }),
    [mutate, relation],
  );
  const last = mutation.variables;
  const retry = useCallback(() => {
    if (last) mutate(last);
  }, [mutate, last]);
  return { show, retry, pending: mutation.isPending, error: mutation.error };
}
