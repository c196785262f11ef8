/**
 * The region criterion of a search: skeletons with an edge in the volume's bounding box (server,
 * skeletons/in-bounding-box with volume_id), then the exact point-in-mesh count in a worker on
 * those candidates, kept when the count reaches k. Candidates beyond MAX_CANDIDATES are not
 * tested (reported, so the user can narrow the search with other criteria).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ProjectScope } from '../../../api/scope.ts';
import { skeletonsInBoxQuery } from '../../../api/spatial-queries.ts';
import type { RegionTerm } from '../../../state/search-region-url.ts';
import { useRegionGeometry } from '../../shared/use-region-geometry.ts';

const MAX_CANDIDATES = 1000;

export interface RegionSet {
  skeletonIds: ReadonlySet<number> | null;
  /** Candidates beyond MAX_CANDIDATES, not tested (the results may lack some of them). */
  untested: number;
  loading: boolean;
  error: unknown;
  retry: () => void;
}

export function useRegionSet(scope: ProjectScope, term: RegionTerm | null): RegionSet {
  const candidates = useQuery({
    ...skeletonsInBoxQuery(scope, { where: { volumeId: term?.volumeId ?? 0 } }),
    enabled: term !== null,
  });
  const tested = useMemo(
    () => (term && candidates.data ? candidates.data.slice(0, MAX_CANDIDATES) : []),
    [term, candidates.data],
  );
  const geometry = useRegionGeometry(scope, term ? [term.volumeId] : [], tested);
  const skeletonIds = useMemo(() => {
    if (!term || !candidates.data || !geometry.result) return null;
    if (geometry.result.innervation.length !== tested.length) return null;
    const out = new Set<number>();
    for (const perVolume of geometry.result.innervation) {
      const r = perVolume[0];
      if (!r) continue;
      const n = term.what === 'synapses' ? r.inside.pre + r.inside.post : r.inside[term.what];
      if (n >= term.atLeast) out.add(r.skeletonId);
    }
    return out;
  }, [term, candidates.data, geometry.result, tested.length]);
  const error = candidates.error ?? geometry.error ?? null;
  return {
    skeletonIds: term ? skeletonIds : null,
    untested: term && candidates.data ? Math.max(0, candidates.data.length - MAX_CANDIDATES) : 0,
    loading: term !== null && skeletonIds === null && !error,
    error,
    retry: () => {
      if (candidates.isError) void candidates.refetch();
      geometry.retry();
    },
  };
}
