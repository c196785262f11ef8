/**
 * The counts among some neurons for the matrix and the graph, in the link type chosen for the
 * partner tables (URL key `klt`): skeleton/connectivity_matrix for chemical synapses, else the
 * neurons' partner tables of that type (skeletons/connectivity with `link_types[]`) restricted
 * to the same neurons, since connectivity_matrix only counts pre → post.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { linkTypesQuery } from '../../api/connector-types.ts';
import { connectivityMatrixQuery, type AdjacencyCounts } from '../../api/connectivity-matrix.ts';
import { linkTypePartnersQuery } from '../../api/connectivity-link-type.ts';
import { adjacencyFromPartners } from '../../analysis/rect-matrix.ts';
import { useUrlStore } from '../../state/url-store.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';

export function useLinkTypeMatrix(ids: readonly number[]): UseQueryResult<AdjacencyCounts> {
  const scope = useProjectScope();
  const chosen = useUrlStore((s) => s.state.circuits.linkType);
  const types = useQuery(linkTypesQuery(scope)).data ?? [];
  const reciprocal = types.find((t) => t.id === chosen && t.relation !== null) ?? null;
  const synaptic = useQuery({
    ...connectivityMatrixQuery(scope, ids, ids),
    enabled: reciprocal === null,
  });
  const other = useQuery({
    ...linkTypePartnersQuery(scope, ids, reciprocal?.id ?? 'synaptic', 'upstream'),
    enabled: reciprocal !== null && ids.length > 0,
    select: (partners): AdjacencyCounts => adjacencyFromPartners(partners, ids),
  });
  return reciprocal ? other : synaptic;
}
