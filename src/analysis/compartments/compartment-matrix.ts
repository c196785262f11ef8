/**
 * The adjacency matrix restricted to one compartment ("synapses onto the dendrite of X"): the
 * synapses among some neurons (connector/list/many_to_many, from = presynaptic) counted only
 * when the link on the chosen side, the presynaptic (row) or postsynaptic (column) neuron, sits
 * in the wanted compartment of that neuron. Each link pair counts once, as
 * skeleton/connectivity_matrix counts them, so "whole neurons" gives the same numbers.
 */
import type { AdjacencyCounts } from '../../api/connectivity-matrix.ts';
import type { ConnectorLink } from '../../api/connectors-between.ts';
import type { CompartmentOf } from './compartment-partners.ts';

/** Which neuron's compartment a synapse must sit on: the row's (pre) or the column's (post). */
export type MatrixSide = 'pre' | 'post';

/** Whether a pre → post link sits on the wanted compartment of the chosen side's neuron. */
export function linkOnCompartment(
  l: ConnectorLink,
  compartmentOf: CompartmentOf,
  wanted: number,
  side: MatrixSide,
): boolean {
  const code =
    side === 'pre'
      ? compartmentOf(l.fromSkeletonId, l.fromTreenodeId)
      : compartmentOf(l.toSkeletonId, l.toTreenodeId);
  return code === wanted;
}

export function compartmentMatrix(
  preToPostLinks: readonly ConnectorLink[],
  compartmentOf: CompartmentOf,
  wanted: number,
  side: MatrixSide,
): AdjacencyCounts {
  const out = new Map<number, Map<number, number>>();
  for (const l of preToPostLinks) {
    if (!linkOnCompartment(l, compartmentOf, wanted, side)) continue;
    let row = out.get(l.fromSkeletonId);
    if (!row) out.set(l.fromSkeletonId, (row = new Map()));
    row.set(l.toSkeletonId, (row.get(l.toSkeletonId) ?? 0) + 1);
  }
  return out;
}
