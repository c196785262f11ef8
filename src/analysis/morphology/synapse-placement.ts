/**
 * Where a neuron's synapses sit along its arbor: the path distance from the soma (or root) of
 * every presynaptic and postsynaptic link, in nm. A link on a node outside the live tree
 * (nodeIndex -1) or unreachable from the origin is left out; gap junctions and other relations
 * are not synapses here.
 */
import { RELATION } from '../../api/skeleton-detail.ts';
import type { MorphTree } from './tree.ts';

export interface SynapsePlacement {
  pre: number[];
  post: number[];
}

export function synapsePlacement(
  connectors: MorphTree['connectors'],
  distances: Float64Array,
): SynapsePlacement {
  const out: SynapsePlacement = { pre: [], post: [] };
  for (let k = 0; k < connectors.nodeIndex.length; k++) {
    const node = connectors.nodeIndex[k] ?? -1;
    const d = node >= 0 ? (distances[node] ?? Number.NaN) : Number.NaN;
    if (!Number.isFinite(d)) continue;
    const relation = connectors.relations[k];
    if (relation === RELATION.presynaptic) out.pre.push(d);
    else if (relation === RELATION.postsynaptic) out.post.push(d);
  }
  return out;
}
