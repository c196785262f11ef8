/**
 * Axon/dendrite split by synapse flow, as navis' `split_axon_dendrite(metric=
 * 'synapse_flow_centrality', flow_thresh=0.9, split='prepost')` computes it, plus its cell body
 * fibre (here: primary neurite) with `cellbodyfiber='soma'`, falling back to the root:
 *  1. re-root at the soma when there is one;
 *  2. linker = nodes with flow ≥ 0.9 × max flow; cut them out, leaving connected fragments;
 *  3. per fragment: frac_pre = its pre / all fragments' pre, frac_post likewise; fragments whose
 *     larger fraction is < 1 % are left undecided; frac_pre / frac_post ≥ 1 → axon, < 1 → dendrite;
 *  4. axon (then dendrite) fragments are joined back through the linker nodes that connect them;
 *  5. primary neurite = the part around the root where flow ≤ 5 % of the max;
 *  6. nodes still without a compartment take that of the nearest labelled node (in hops).
 * A neuron without any flow (no inputs or no outputs) is not split: everything stays 0.
 */
import { synapseCounts, synapseFlowCentrality, type FlowMode } from './flow-centrality.ts';
import { childLists, forEachNeighbour, rerooted, rootFirstOrder, type ChildLists } from './tree.ts';

export const COMPARTMENT = {
  none: 0,
  dendrite: 1,
  axon: 2,
  linker: 3,
  primaryNeurite: 4,
} as const;

export interface SplitInput {
  /** Parent index per node, -1 for the root. */
  parentIndex: Int32Array;
  /** Soma node index or -1. */
  somaIndex: number;
  connectorNodeIndex: Int32Array;
  /** 0 pre, 1 post (compact-detail's relation codes). */
  connectorRelations: Int8Array;
}

export interface SplitOptions {
  mode?: FlowMode;
  flowThreshold?: number;
  /** Find the primary neurite (navis' cell body fibre). */
  primaryNeurite?: boolean;
}

export interface AxonDendriteSplit {
  /** COMPARTMENT code per node. */
  compartment: Uint8Array;
  /** Flow per node, in the tree re-rooted at the soma. */
  flow: Float64Array;
  maxFlow: number;
  /** Whether a split was found (false: no flow, every node is COMPARTMENT.none). */
  split: boolean;
}

interface Fragment {
  nodes: number[];
  pre: number;
  post: number;
}

function fragmentsWithout(
  parent: Int32Array,
  children: ChildLists,
  removed: Uint8Array,
  pre: Int32Array,
  post: Int32Array,
): Fragment[] {
  const n = parent.length;
  const seen = new Uint8Array(n);
  const out: Fragment[] = [];
  for (let s = 0; s < n; s++) {
    if (removed[s] || seen[s]) continue;
    const frag: Fragment = { nodes: [], pre: 0, post: 0 };
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const v = stack.pop() ?? 0;
      frag.nodes.push(v);
      frag.pre += pre[v] ?? 0;
      frag.post += post[v] ?? 0;
      forEachNeighbour(parent, children, v, (u) => {
        if (!removed[u] && !seen[u]) {
          seen[u] = 1;
          stack.push(u);
        }
      });
    }
    out.push(frag);
  }
  return out;
}

/**
 * navis' `connected_subgraph`: within the nodes marked `allowed` (members ∪ linker), add the
 * nodes that connect the members of each connected piece: every node on the path from a member up
 * to the lowest common ancestor of that piece's members.
 */
function connectMembers(
  parent: Int32Array,
  children: ChildLists,
  order: Int32Array,
  member: Uint8Array,
  allowed: Uint8Array,
): void {
  const n = parent.length;
  const below = new Int32Array(n);
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] ?? 0;
    if (!allowed[v]) continue;
    if (member[v]) below[v] = (below[v] ?? 0) + 1;
    const p = parent[v] ?? -1;
    if (p >= 0 && allowed[p]) below[p] = (below[p] ?? 0) + (below[v] ?? 0);
  }
  // Members of each piece = `below` at the piece's top node (its parent is not allowed).
  const pieceTotal = new Int32Array(n);
  for (const v of order) {
    if (!allowed[v]) continue;
    const p = parent[v] ?? -1;
    pieceTotal[v] = p >= 0 && allowed[p] ? (pieceTotal[p] ?? 0) : (below[v] ?? 0);
  }
  for (const v of order) {
    if (!allowed[v] || member[v] || (below[v] ?? 0) === 0) continue;
    const total = pieceTotal[v] ?? 0;
    if ((below[v] ?? 0) < total) {
      member[v] = 1;
      continue;
    }
    // Holds every member below it: on the path only if it is the lowest such node.
    let childHoldsAll = false;
    for (let k = children.start[v] ?? 0; k < (children.start[v + 1] ?? 0); k++) {
      const c = children.list[k] ?? 0;
      if (allowed[c] && (below[c] ?? 0) === total) childHoldsAll = true;
    }
    if (!childHoldsAll) member[v] = 1;
  }
}

function fillNearest(parent: Int32Array, children: ChildLists, comp: Uint8Array): void {
  const queue: number[] = [];
  for (let i = 0; i < comp.length; i++) if (comp[i]) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] ?? 0;
    forEachNeighbour(parent, children, v, (u) => {
      if (!comp[u]) {
        comp[u] = comp[v] ?? 0;
        queue.push(u);
      }
    });
  }
}

export function splitAxonDendrite(
  input: SplitInput,
  options: SplitOptions = {},
): AxonDendriteSplit {
  const { mode = 'sum', flowThreshold = 0.9, primaryNeurite = true } = options;
  const n = input.parentIndex.length;
  const parent =
    input.somaIndex >= 0 ? rerooted(input.parentIndex, input.somaIndex) : input.parentIndex;
  const children = childLists(parent);
  const order = rootFirstOrder(parent, children);
  const counts = synapseCounts(n, input.connectorNodeIndex, input.connectorRelations);
  const flow = synapseFlowCentrality(parent, counts, mode, children);
  let maxFlow = 0;
  for (const f of flow) if (f > maxFlow) maxFlow = f;
  const compartment = new Uint8Array(n);
  if (maxFlow <= 0) return { compartment, flow, maxFlow, split: false };

  const linker = new Uint8Array(n);
  for (let i = 0; i < n; i++) if ((flow[i] ?? 0) >= maxFlow * flowThreshold) linker[i] = 1;
  const frags = fragmentsWithout(parent, children, linker, counts.pre, counts.post);
  let sumPre = 0;
  let sumPost = 0;
  for (const f of frags) {
    sumPre += f.pre;
    sumPost += f.post;
  }
  const axon = new Uint8Array(n);
  const dendrite = new Uint8Array(n);
  for (const f of frags) {
    const fracPre = sumPre > 0 ? f.pre / sumPre : 0;
    const fracPost = sumPost > 0 ? f.post / sumPost : 0;
    if (Math.max(fracPre, fracPost) < 0.01) continue;
    const ratio = fracPre / fracPost; // Infinity for a fragment without inputs: axon
    const target = ratio >= 1 ? axon : ratio < 1 ? dendrite : null;
    if (target) for (const v of f.nodes) target[v] = 1;
  }
  const allowed = new Uint8Array(n);
  for (let i = 0; i < n; i++) allowed[i] = axon[i] || linker[i] ? 1 : 0;
  connectMembers(parent, children, order, axon, allowed);
  for (let i = 0; i < n; i++) {
    if (axon[i]) linker[i] = 0;
    allowed[i] = dendrite[i] || linker[i] ? 1 : 0;
  }
  connectMembers(parent, children, order, dendrite, allowed);
  for (let i = 0; i < n; i++) {
    if (dendrite[i]) linker[i] = 0;
    if (dendrite[i]) compartment[i] = COMPARTMENT.dendrite;
    if (axon[i]) compartment[i] = COMPARTMENT.axon;
    if (linker[i]) compartment[i] = COMPARTMENT.linker;
  }
  if (primaryNeurite) markPrimaryNeurite(parent, children, order, flow, maxFlow, compartment);
  fillNearest(parent, children, compartment);
  return { compartment, flow, maxFlow, split: true };
}

/** navis' cell body fibre: the low-flow (≤ 5 % of max) piece that holds the root. */
function markPrimaryNeurite(
  parent: Int32Array,
  children: ChildLists,
  order: Int32Array,
  flow: Float64Array,
  maxFlow: number,
  compartment: Uint8Array,
): void {
  const root = order[0] ?? -1;
  if (root < 0 || (flow[root] ?? 0) > maxFlow * 0.05) return;
  const stack = [root];
  compartment[root] = COMPARTMENT.primaryNeurite;
  while (stack.length) {
    const v = stack.pop() ?? 0;
    forEachNeighbour(parent, children, v, (u) => {
      if (compartment[u] !== COMPARTMENT.primaryNeurite && (flow[u] ?? 0) <= maxFlow * 0.05) {
        compartment[u] = COMPARTMENT.primaryNeurite;
        stack.push(u);
      }
    });
  }
}
