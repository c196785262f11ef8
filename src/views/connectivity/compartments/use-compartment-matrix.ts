/**
 * The adjacency matrix of some neurons restricted to one compartment of the row (pre) or column
 * (post) neuron: the neurons' splits plus the synapses among them (many_to_many, pre → post).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AdjacencyCounts } from '../../../api/connectivity-matrix.ts';
import { connectorsBetweenQuery, type ConnectorLink } from '../../../api/connectors-between.ts';
import {
  compartmentMatrix,
  linkOnCompartment,
  type MatrixSide,
} from '../../../analysis/compartments/compartment-matrix.ts';
import type { CompartmentOf } from '../../../analysis/compartments/compartment-partners.ts';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import { useSourceSplits } from './use-source-splits.ts';

export interface CompartmentMatrix {
  data: AdjacencyCounts | undefined;
  error: unknown;
  pending: boolean;
  retry: () => void;
  /** Whether a pre → post link counts in the restricted matrix (for its 3D highlight). */
  keep: ((l: ConnectorLink) => boolean) | undefined;
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
  const compartmentOf = useMemo((): CompartmentOf | undefined => {
    if (!on || pending > 0) return undefined;
    const bySkeleton = new Map(done.map((s) => [s.detail.skeletonId, s.byNodeId]));
    return (skid, node) => bySkeleton.get(skid)?.get(node);
  }, [on, done, pending]);
  const data = useMemo(
    () =>
      compartmentOf && compartment !== null && links.data
        ? compartmentMatrix(links.data, compartmentOf, compartment, side)
        : undefined,
    [compartmentOf, compartment, links.data, side],
  );
  const keep = useMemo(
    () =>
      compartmentOf && compartment !== null
        ? (l: ConnectorLink) => linkOnCompartment(l, compartmentOf, compartment, side)
        : undefined,
    [compartmentOf, compartment, side],
  );
  const error = splits.error ?? links.error ?? null;
  return {
    data,
    error,
    keep,
    pending: on && data === undefined && error === null,
    retry: () => {
      splits.retry();
      if (links.isError) void links.refetch();
    },
  };
}
