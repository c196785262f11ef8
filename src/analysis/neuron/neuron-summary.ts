/**
 * The Neuron view's summary of one arbor (pymaid `summary`, `has_soma`, `get_cable_lengths`):
 *
 * - nodes: node count; cable: sum of parent–child edge lengths (nm), as CATMAID's summary table;
 * - branch points: nodes with 2 or more children; leaves: see arbor.ts `leavesOf`;
 * - root: the node without parent (the first, if the tree is in pieces; `pieces` counts them);
 * - soma, first rule that applies: (1) a node tagged `soma` (the tag CATMAID and pymaid use; the
 *   largest-radius one if several), (2) else the node with the largest radius if it is at least
 *   `SOMA_MIN_RADIUS_NM` (pymaid `has_soma`'s `min_rad` default), (3) else none;
 * - pre / post: presynaptic and postsynaptic links of live nodes; connectors: distinct connectors.
 */
import { childCounts, leavesOf, rootsOf, type ArborNode } from './arbor.ts';

export const SOMA_MIN_RADIUS_NM = 500;

export interface SomaFinding {
  nodeId: number;
  rule: 'tag' | 'radius';
  radius: number;
}

export interface ArborSummary {
  nodes: number;
  cable: number;
  branchPoints: number;
  leaves: number;
  rootId: number | null;
  pieces: number;
  soma: SomaFinding | null;
  pre: number;
  post: number;
  connectors: number;
}

export interface SummaryLink {
  nodeId: number;
  connectorId: number;
  relation: number;
}

function cableLength(nodes: readonly ArborNode[]): number {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  let cable = 0;
  for (const n of nodes) {
    const p = n.parentId === null ? undefined : byId.get(n.parentId);
    if (p) cable += Math.hypot(n.x - p.x, n.y - p.y, n.z - p.z);
  }
  return cable;
}

export function findSoma(
  nodes: readonly ArborNode[],
  somaTagged: ReadonlySet<number>,
): SomaFinding | null {
  const largest = (list: readonly ArborNode[]) =>
    list.reduce<ArborNode | null>((best, n) => (!best || n.radius > best.radius ? n : best), null);
  const tagged = largest(nodes.filter((n) => somaTagged.has(n.nodeId)));
  if (tagged) return { nodeId: tagged.nodeId, rule: 'tag', radius: tagged.radius };
  const big = largest(nodes);
  if (big && big.radius >= SOMA_MIN_RADIUS_NM)
    return { nodeId: big.nodeId, rule: 'radius', radius: big.radius };
  return null;
}

export function summarizeArbor(
  nodes: readonly ArborNode[],
  somaTagged: ReadonlySet<number>,
  links: readonly SummaryLink[],
): ArborSummary {
  const counts = childCounts(nodes);
  const roots = rootsOf(nodes);
  const present = new Set(nodes.map((n) => n.nodeId));
  const live = links.filter((l) => present.has(l.nodeId));
  let branchPoints = 0;
  for (const c of counts.values()) if (c >= 2) branchPoints++;
  return {
    nodes: nodes.length,
    cable: cableLength(nodes),
    branchPoints,
    leaves: leavesOf(nodes).length,
    rootId: roots[0]?.nodeId ?? null,
    pieces: roots.length,
    soma: findSoma(nodes, somaTagged),
    pre: live.filter((l) => l.relation === 0).length,
    post: live.filter((l) => l.relation === 1).length,
    connectors: new Set(live.map((l) => l.connectorId)).size,
  };
}
