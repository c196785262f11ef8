/**
 * Joins the selection's synapses (connectors/ with partners) with the region of every point, for
 * the region matrix and for partners in a volume (pymaid get_partners_in_volume).
 *
 * Rules:
 * - A connector is "in" volume V when its location is (the synaptic site decides, as in pymaid).
 * - Partners in V: for each connector in V, a selected neuron presynaptic on it makes every
 *   postsynaptic neuron a downstream partner (one synapse per link); a selected neuron
 *   postsynaptic on it makes the presynaptic neuron an upstream partner. Selected neurons count
 *   as partners of each other, as in CATMAID's connectivity tables.
 */
import type { ConnectorWithPartners } from '../../api/connector-partners.ts';
import type { SynapseLink } from './region-matrix.ts';

export interface PartnerInVolume {
  partnerId: number;
  direction: 'upstream' | 'downstream';
  /** Synapses with the selection whose connector lies in the volume. */
  inside: number;
  /** All synapses with the selection (in or out of the volume). */
  total: number;
}

export function partnersInVolume(
  connectors: readonly ConnectorWithPartners[],
  connectorInside: Uint8Array,
  selection: ReadonlySet<number>,
): PartnerInVolume[] {
  const rows = new Map<string, PartnerInVolume>();
  const bump = (partnerId: number, direction: PartnerInVolume['direction'], inside: boolean) => {
    const key = `${direction}:${partnerId}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { partnerId, direction, inside: 0, total: 0 }));
    row.total++;
    if (inside) row.inside++;
  };
  connectors.forEach((c, i) => {
    const inside = connectorInside[i] === 1;
    const pre = c.links.filter((l) => l.relation === 'pre');
    const post = c.links.filter((l) => l.relation === 'post');
    if (pre.some((l) => selection.has(l.skeletonId)))
      for (const l of post) bump(l.skeletonId, 'downstream', inside);
    if (post.some((l) => selection.has(l.skeletonId)))
      for (const l of pre) bump(l.skeletonId, 'upstream', inside);
  });
  return [...rows.values()].filter((r) => r.inside > 0);
}

/**
 * The matrix's links: every postsynaptic link of a connector a selected neuron is presynaptic
 * on. `connectorRegion[i]`: region of connector i; `nodeRegion(treenodeId)`: region of a node
 * of a loaded (selected) skeleton, undefined when the node is not loaded.
 */
export function selectionSynapseLinks(
  connectors: readonly ConnectorWithPartners[],
  connectorRegion: Int16Array,
  selection: ReadonlySet<number>,
  nodeRegion: (treenodeId: number) => number | undefined,
): SynapseLink[] {
  const out: SynapseLink[] = [];
  connectors.forEach((c, i) => {
    if (!c.links.some((l) => l.relation === 'pre' && selection.has(l.skeletonId))) return;
    const preRegion = connectorRegion[i] ?? -1;
    for (const l of c.links) {
      if (l.relation !== 'post') continue;
      out.push({ preRegion, postRegion: nodeRegion(l.treenodeId) ?? null });
    }
  });
  return out;
}
