/**
 * Synapse flow centrality (Schneider-Mizell et al. 2016, eLife), computed as navis'
 * `synapse_flow_centrality` does:
 *  - every synapse link counts once (a node with 3 presynaptic links counts 3), and a node's own
 *    synapses count as "distal" to it;
 *  - centrifugal(n) = (total post − post distal to n) × pre distal to n (proximal inputs to
 *    distal outputs), centripetal(n) = post distal to n × (total pre − pre distal to n), sum = both;
 *  - a branch point (not the root) gets the highest flow of its children: the flow runs "across"
 *    it from one child to another, not through it;
 *  - a root without synapses takes the flow of its first child (navis fills the nodes between
 *    computed points from the distal side; the root is the proximal end of a segment).
 */
import { childCount, childLists, rootFirstOrder, type ChildLists } from './tree.ts';

export type FlowMode = 'centrifugal' | 'centripetal' | 'sum';

export interface SynapseCounts {
  /** Presynaptic (outgoing) links per node. */
  pre: Int32Array;
  /** Postsynaptic (incoming) links per node. */
  post: Int32Array;
  /** Nodes with any connector link (navis computes flow at those and at branch points). */
  hasConnector: Uint8Array;
}

/** Link counts per node from connector rows (relation 0 pre, 1 post; others only mark the node). */
export function synapseCounts(
  nodeCount: number,
  nodeIndex: Int32Array,
  relations: Int8Array,
): SynapseCounts {
  const pre = new Int32Array(nodeCount);
  const post = new Int32Array(nodeCount);
  const hasConnector = new Uint8Array(nodeCount);
  for (let k = 0; k < nodeIndex.length; k++) {
    const i = nodeIndex[k] ?? -1;
    if (i < 0 || i >= nodeCount) continue;
    hasConnector[i] = 1;
    const r = relations[k];
    if (r === 0) pre[i] = (pre[i] ?? 0) + 1;
    else if (r === 1) post[i] = (post[i] ?? 0) + 1;
  }
  return { pre, post, hasConnector };
}

export function synapseFlowCentrality(
  parent: Int32Array,
  counts: SynapseCounts,
  mode: FlowMode = 'sum',
  children: ChildLists = childLists(parent),
): Float64Array {
  const n = parent.length;
  const order = rootFirstOrder(parent, children);
  const distalPre = Float64Array.from(counts.pre);
  const distalPost = Float64Array.from(counts.post);
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] ?? 0;
    const p = parent[v] ?? -1;
    if (p < 0) continue;
    distalPre[p] = (distalPre[p] ?? 0) + (distalPre[v] ?? 0);
    distalPost[p] = (distalPost[p] ?? 0) + (distalPost[v] ?? 0);
  }
  // Totals per tree (a forest is split tree by tree, as navis asks for one tree).
  const treeOf = new Int32Array(n);
  for (const v of order) {
    const p = parent[v] ?? -1;
    treeOf[v] = p < 0 ? v : (treeOf[p] ?? v);
  }
  const raw = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const t = treeOf[v] ?? v;
    const totalPre = distalPre[t] ?? 0;
    const totalPost = distalPost[t] ?? 0;
    const dPre = distalPre[v] ?? 0;
    const dPost = distalPost[v] ?? 0;
    const fugal = (totalPost - dPost) * dPre;
    const petal = dPost * (totalPre - dPre);
    raw[v] = mode === 'centrifugal' ? fugal : mode === 'centripetal' ? petal : fugal + petal;
  }
  const flow = Float64Array.from(raw);
  for (let v = 0; v < n; v++) {
    const first = children.start[v] ?? 0;
    const end = children.start[v + 1] ?? 0;
    if ((parent[v] ?? -1) >= 0) {
      if (childCount(children, v) < 2) continue;
      let max = -Infinity;
      for (let k = first; k < end; k++) max = Math.max(max, raw[children.list[k] ?? 0] ?? 0);
      flow[v] = max;
    } else if (!counts.hasConnector[v] && end > first) {
      flow[v] = raw[children.list[first] ?? 0] ?? 0;
    }
  }
  return flow;
}
