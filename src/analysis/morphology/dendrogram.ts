/**
 * Dendrogram layout: the arbor as a topological tree hanging from the soma (or root). Only the
 * key nodes are drawn (origin, branch points, leaves); each stretch of cable between two key
 * nodes is one horizontal line whose length is its path length (x = path distance from the
 * origin, to scale), each leaf gets its own row (y = 0, 1, 2, … in depth-first order) and a
 * branch point sits midway between its first and last child row, joined to them by a vertical.
 *
 * Collapsing twigs: a terminal stretch (branch point → leaf) shorter than `collapseBelow` nm is
 * not drawn; its synapses are drawn on the branch point it hangs from, so no synapse is lost.
 * One pass, as navis' `prune_twigs`: a branch point whose twigs all collapse becomes a leaf.
 */
import { RELATION } from '../../api/skeleton-detail.ts';
import type { MorphTree, Rerooted } from './tree.ts';

export interface DendrogramLine {
  /** The key node at the far end (node index). */
  node: number;
  x0: number;
  x1: number;
  y: number;
}

export interface DendrogramVertical {
  node: number;
  x: number;
  y0: number;
  y1: number;
}

export interface DendrogramSynapse {
  x: number;
  y: number;
  relation: 'pre' | 'post';
}

export interface Dendrogram {
  origin: number;
  lines: DendrogramLine[];
  verticals: DendrogramVertical[];
  synapses: DendrogramSynapse[];
  /** Rows used (leaves drawn); y runs 0…rows-1. */
  rows: number;
  /** Largest x, nm. */
  width: number;
  collapsedTwigs: number;
}

export function dendrogramLayout(
  tree: Pick<MorphTree, 'connectors'>,
  rerooted: Rerooted,
  distances: Float64Array,
  collapseBelow = 0,
): Dendrogram {
  const { parent, order } = rerooted;
  const n = parent.length;
  const origin = order[0] ?? -1;
  const empty = { origin, lines: [], verticals: [], synapses: [], rows: 0, width: 0 };
  if (origin < 0) return { ...empty, collapsedTwigs: 0 };
  const children = new Int32Array(n);
  for (const v of order) {
    const p = parent[v] ?? -1;
    if (p >= 0) children[p] = (children[p] ?? 0) + 1;
  }
  const isKey = (v: number) => v === origin || (children[v] ?? 0) !== 1;
  // keyParent: nearest key ancestor (top-down, parents first).
  const keyParent = new Int32Array(n).fill(-1);
  for (const v of order) {
    const p = parent[v] ?? -1;
    if (p >= 0) keyParent[v] = isKey(p) ? p : (keyParent[p] ?? -1);
  }
  // owner: the key node at the bottom of the stretch a node lies on (bottom-up).
  const owner = new Int32Array(n).fill(-1);
  const onlyChild = new Int32Array(n).fill(-1);
  for (const v of order) {
    const p = parent[v] ?? -1;
    if (p >= 0) onlyChild[p] = v;
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] ?? 0;
    owner[v] = isKey(v) ? v : (owner[onlyChild[v] ?? 0] ?? v);
  }
  // Collapse short terminal stretches hanging from a branch point.
  const collapsed = new Uint8Array(n);
  let collapsedTwigs = 0;
  for (const v of order) {
    if ((children[v] ?? 0) !== 0 || v === origin) continue;
    const kp = keyParent[v] ?? -1;
    if ((children[kp] ?? 0) >= 2 && (distances[v] ?? 0) - (distances[kp] ?? 0) < collapseBelow) {
      collapsed[v] = 1;
      collapsedTwigs++;
    }
  }
  // Kept key children per key node, in traversal order.
  const keyChildren = new Map<number, number[]>();
  for (const v of order) {
    if (!isKey(v) || v === origin || collapsed[v]) continue;
    const kp = keyParent[v] ?? -1;
    let list = keyChildren.get(kp);
    if (!list) keyChildren.set(kp, (list = []));
    list.push(v);
  }
  // Rows: depth-first, iterative (deep arbors), children in order.
  const y = new Float64Array(n);
  let rows = 0;
  const stack: [number, boolean][] = [[origin, false]];
  while (stack.length > 0) {
    const [v, expanded] = stack.pop() ?? [origin, true];
    const kids = keyChildren.get(v) ?? [];
    if (kids.length === 0) {
      y[v] = rows++;
    } else if (expanded) {
      y[v] = ((y[kids[0] ?? v] ?? 0) + (y[kids[kids.length - 1] ?? v] ?? 0)) / 2;
    } else {
      stack.push([v, true]);
      for (let k = kids.length - 1; k >= 0; k--) stack.push([kids[k] ?? v, false]);
    }
  }
  const lines: DendrogramLine[] = [];
  const verticals: DendrogramVertical[] = [];
  let width = 0;
  for (const [v, kids] of keyChildren) {
    const x = distances[v] ?? 0;
    const ys = kids.map((c) => y[c] ?? 0);
    if (kids.length > 1) {
      verticals.push({ node: v, x, y0: Math.min(...ys), y1: Math.max(...ys) });
    }
    for (const c of kids) {
      const x1 = distances[c] ?? 0;
      width = Math.max(width, x1);
      lines.push({ node: c, x0: x, x1, y: y[c] ?? 0 });
    }
  }
  const synapses: DendrogramSynapse[] = [];
  const { nodeIndex, relations } = tree.connectors;
  for (let k = 0; k < nodeIndex.length; k++) {
    const node = nodeIndex[k] ?? -1;
    const rel = relations[k];
    if (node < 0 || node >= n || (rel !== RELATION.presynaptic && rel !== RELATION.postsynaptic))
      continue;
    const own = owner[node] ?? -1;
    if (own < 0) continue; // unreachable from the origin
    const relation = rel === RELATION.presynaptic ? 'pre' : 'post';
    if (collapsed[own]) {
      const kp = keyParent[own] ?? origin;
      synapses.push({ x: distances[kp] ?? 0, y: y[kp] ?? 0, relation });
    } else {
      synapses.push({ x: distances[node] ?? 0, y: y[own] ?? 0, relation });
    }
  }
  return { origin, lines, verticals, synapses, rows: Math.max(rows, 1), width, collapsedTwigs };
}
