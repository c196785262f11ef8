/**
 * The sources' partners restricted to one compartment of the sources: their splits plus the
 * synapses between sources and partners (many_to_many, once per direction).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Connectivity } from '../../../api/connectivity.ts';
import { connectorsBetweenQuery } from '../../../api/connectors-between.ts';
import { compartmentConnectivity } from '../../../analysis/compartments/compartment-partners.ts';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import { useSourceSplits } from './use-source-splits.ts';

export function useCompartmentConnectivity(
  sources: readonly number[],
  base: Connectivity | undefined,
  compartment: number | null,
) {
  const scope = useProjectScope();
  const on = compartment !== null && base !== undefined;
  const ups = useMemo(() => base?.upstream.map((p) => p.partnerId) ?? [], [base]);
  const downs = useMemo(() => base?.downstream.map((p) => p.partnerId) ?? [], [base]);
  const splits = useSourceSplits(on ? sources : []);
  const { splits: done, pending } = splits;
  const up = useQuery({
    ...connectorsBetweenQuery(scope, sources, ups, 'postsynaptic_to'),
    enabled: on && ups.length > 0,
  });
  const down = useQuery({
    ...connectorsBetweenQuery(scope, sources, downs, 'presynaptic_to'),
    enabled: on && downs.length > 0,
  });
  const data = useMemo(() => {
    if (!on || pending > 0) return undefined;
    if ((ups.length > 0 && !up.data) || (downs.length > 0 && !down.data)) return undefined;
    const bySkeleton = new Map(done.map((s) => [s.detail.skeletonId, s.byNodeId]));
    return compartmentConnectivity(
      base,
      up.data ?? [],
      down.data ?? [],
      (skid, node) => bySkeleton.get(skid)?.get(node),
      compartment,
    );
  }, [on, base, done, pending, up.data, down.data, ups.length, downs.length, compartment]);
  const error = splits.error ?? up.error ?? down.error ?? null;
  return {
    data,
    error,
    retry: () => {
      splits.retry();
      if (up.isError) void up.refetch();
      if (down.isError) void down.refetch();
    },
  };
}
