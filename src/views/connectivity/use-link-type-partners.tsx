/**
 * The link-type choice of the partner tables (shared with the Circuits view through its URL key
 * `klt`): chemical synapses use the view's own connectivity query; another type the project has
 * (connectors/types, e.g. gap junctions) fetches skeletons/connectivity with `link_types[]` and
 * yields one reciprocal partner list, shown as the upstream side of a Connectivity.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { linkTypesQuery, SYNAPTIC } from '../../api/connector-types.ts';
import type { Connectivity } from '../../api/connectivity.ts';
import { linkTypePartnersQuery } from '../../api/connectivity-link-type.ts';
import { useUrlStore } from '../../state/url-store.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { LinkTypeSelect } from '../circuits/LinkTypeSelect.tsx';

interface LinkTypePartners {
  /** Set only for a reciprocal type: replaces the synaptic connectivity query. */
  connectivity: UseQueryResult<Connectivity> | null;
  title: string | null;
  /** The selector, or null when the project has synapses only. */
  select: ReactNode;
}

export function useLinkTypePartners(sources: readonly number[], active: boolean): LinkTypePartners {
  const scope = useProjectScope();
  const chosen = useUrlStore((s) => s.state.circuits.linkType);
  const update = useUrlStore((s) => s.update);
  const types = useQuery(linkTypesQuery(scope)).data ?? [SYNAPTIC];
  const type = types.find((t) => t.id === chosen && t.id !== SYNAPTIC.id) ?? null;
  const partners = useQuery({
    ...linkTypePartnersQuery(scope, sources, type?.id ?? SYNAPTIC.id, 'upstream'),
    enabled: active && type !== null && sources.length > 0,
    select: (upstream): Connectivity => ({
      sourceIds: sources,
      upstream,
      downstream: [],
      upstreamReviewers: [],
      downstreamReviewers: [],
    }),
  });
  const select =
    types.length > 1 ? (
      <form
        className="partner-controls"
        aria-label="Link type"
        onSubmit={(e) => e.preventDefault()}
      >
        <LinkTypeSelect
          value={type?.id ?? SYNAPTIC.id}
          types={types}
          onChange={(linkType) =>
            update((s) => ({ ...s, circuits: { ...s.circuits, linkType } }), 'replace')
          }
        />
      </form>
    ) : null;
  return {
    connectivity: type ? partners : null,
    title: type ? `Partners by ${type.label.toLowerCase()}` : null,
    select,
  };
}
