/**
 * The adjacency matrix of some neurons restricted to one compartment of the row (pre) or column
 * (post) neuron: the neurons' splits plus the synapses among them (many_to_many, pre → post).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AdjacencyCounts } from '../../../api/connectivity-matrix.ts';
import { connectorsBetweenQuery } from '../../../api/connectors-between.ts';
import {
  compartmentMatrix,
  type MatrixSide,
} from '../../../analysis/compartments/compartment-matrix.ts';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import { useSourceSplits } from './use-source-splits.ts';

export interface CompartmentMatrix {
  data: AdjacencyCounts | undefined;
  error: unknown;
  pending: boolean;
  retry: () => void;
}

export function useCompartmentMatrix(
  ids: readonly number[],
  compartment: number | null,
  side: MatrixSide,
): CompartmentMatrix {
  const scope = useProjectScope();
  const on = compartment !== null && ids.length > 0;
  const splits = useSourceSplits(on ? ids : []);
  const { splits: done, pending } = splits;
  const links = useQuery({
    ...connectorsBetweenQuery(scope, ids, ids, 'presynaptic_to'),
    enabled: on,
  });
  const data = useMemo(() => {
    if (compartment === null || ids.length === 0 || pending > 0 || !links.data) return undefined;
    const bySkeleton = new Map(done.map((s) => [s.detail.skeletonId, s.byNodeId]));
    return compartmentMatrix(
      links.data,
      (skid, node) => bySkeleton.get(skid)?.get(node),
      compartment,
      side,
    );
  }, [ids.length, done, pending, links.data, compartment, side]);
  const error = splits.error ?? links.error ?? null;
  return {
    data,
    error,
    pending: on && data === undefined && error === null,
    retry: () => {
      splits.retry();
      if (links.isError) void links.refetch();
    },
  };
}
