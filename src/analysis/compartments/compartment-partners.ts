/**
 * Partners of a compartment: CATMAID's partner answer restricted to the synapses whose link on
 * the source neuron sits in the chosen compartment ("partners onto the dendrite of X"). The
 * synapses come from connector/list/many_to_many (sources × partners): for upstream partners the
 * source side is postsynaptic, for downstream ones presynaptic. Each link row counts once, in
 * the confidence bin of the weaker of its two links, as CATMAID's partner counts do.
 */
import type { ConfidenceBins, Connectivity, PartnerRecord } from '../../api/connectivity.ts';
import type { ConnectorLink } from '../../api/connectors-between.ts';

/** Compartment code of a source neuron's node (by node id), or undefined when unknown. */
export type CompartmentOf = (skeletonId: number, treenodeId: number) => number | undefined;

function restrict(
  base: readonly PartnerRecord[],
  links: readonly ConnectorLink[],
  compartmentOf: CompartmentOf,
  wanted: number,
): PartnerRecord[] {
  const nodeCount = new Map(base.map((r) => [r.partnerId, r.nodeCount]));
  const bins = new Map<number, Map<number, number[]>>();
  for (const l of links) {
    if (compartmentOf(l.fromSkeletonId, l.fromTreenodeId) !== wanted) continue;
    if (!nodeCount.has(l.toSkeletonId)) continue;
    let perSource = bins.get(l.toSkeletonId);
    if (!perSource) bins.set(l.toSkeletonId, (perSource = new Map()));
    let b = perSource.get(l.fromSkeletonId);
    if (!b) perSource.set(l.fromSkeletonId, (b = [0, 0, 0, 0, 0]));
    const conf = Math.min(5, Math.max(1, Math.min(l.fromConfidence, l.toConfidence)));
    b[conf - 1] = (b[conf - 1] ?? 0) + 1;
  }
  return [...bins].map(([partnerId, perSource]) => ({
    partnerId,
    nodeCount: nodeCount.get(partnerId) ?? 0,
    bins: new Map(
      [...perSource].map(([s, b]): [number, ConfidenceBins] => [
        s,
        [b[0] ?? 0, b[1] ?? 0, b[2] ?? 0, b[3] ?? 0, b[4] ?? 0],
      ]),
    ),
  }));
}

export function compartmentConnectivity(
  base: Connectivity,
  upstreamLinks: readonly ConnectorLink[],
  downstreamLinks: readonly ConnectorLink[],
  compartmentOf: CompartmentOf,
  wanted: number,
): Connectivity {
  return {
    ...base,
    upstream: restrict(base.upstream, upstreamLinks, compartmentOf, wanted),
    downstream: restrict(base.downstream, downstreamLinks, compartmentOf, wanted),
  };
}
