/**
 * The "upstream of / downstream of ⟨neuron or annotation⟩ with ≥ N synapses" criterion: resolves
 * the source skeletons (one skeleton, or every neuron carrying the annotation or one of its
 * sub-annotations), asks skeletons/connectivity once, and keeps the partners whose synapse
 * count summed over all sources reaches N.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { connectivityQuery, type PartnerRecord } from '../../../api/connectivity.ts';
import { neuronSearchQuery } from '../../../api/neuron-search.ts';
import type { ProjectScope } from '../../../api/scope.ts';
import type { ConnectivityTerm } from '../../../state/search-url.ts';
import { retryFailed } from '../../shared/retry-queries.ts';

export interface PartnerSet {
  skeletonIds: ReadonlySet<number> | null;
  loading: boolean;
  error: unknown;
  /** Refetches whichever of the two requests failed. */
  retry: () => void;
}

function partnersOver(partners: readonly PartnerRecord[], minSynapses: number): Set<number> {
  const out = new Set<number>();
  for (const p of partners) {
    let total = 0;
    for (const bins of p.bins.values()) for (const n of bins) total += n;
    if (total >= minSynapses) out.add(p.partnerId);
  }
  return out;
}

export function usePartnerSet(scope: ProjectScope, term: ConnectivityTerm | null): PartnerSet {
  const annotation = term?.source.kind === 'annotation' ? term.source.name : null;
  const sourceSearch = useQuery({
    ...neuronSearchQuery(scope, {
      types: ['neuron'],
      annotatedWith: [[annotation ?? '']],
      annotationReference: 'name',
      includeSubAnnotations: true,
    }),
    enabled: annotation !== null,
  });
  const sources = useMemo(() => {
    if (!term) return null;
    if (term.source.kind === 'neuron') return [term.source.skeletonId];
    return sourceSearch.data ? sourceSearch.data.entities.flatMap((e) => e.skeletonIds) : null;
  }, [term, sourceSearch.data]);
  const connectivity = useQuery({
    ...connectivityQuery(scope, sources ?? []),
    enabled: sources !== null && sources.length > 0,
  });

  const retry = () => retryFailed(sourceSearch, connectivity);
  const result = useMemo((): Omit<PartnerSet, 'retry'> => {
    if (!term) return { skeletonIds: null, loading: false, error: null };
    const error = sourceSearch.error ?? connectivity.error ?? null;
    if (sources !== null && sources.length === 0)
      return { skeletonIds: new Set(), loading: false, error };
    if (!connectivity.data) return { skeletonIds: null, loading: !error, error };
    const side =
      term.direction === 'upstream' ? connectivity.data.upstream : connectivity.data.downstream;
    return { skeletonIds: partnersOver(side, term.minSynapses), loading: false, error };
  }, [term, sources, sourceSearch.error, connectivity.data, connectivity.error]);
  return { ...result, retry };
}
