/**
 * A neuron's tree as the Neuron view's analyses read it: one record per node, live now or
 * reconstructed "as of" a date (as-of.ts). Plain records, not the 3D view's typed columns: one
 * neuron at a time, and every analysis here is a single pass.
 */
export interface ArborNode {
  nodeId: number;
  /** null for the root (or a node whose parent did not exist at that time). */
  parentId: number | null;
  userId: number;
  x: number;
  y: number;
  z: number;
  /** nm; <= 0 means "no radius". */
  radius: number;
  /** Epoch ms the node was first created (NaN when unknown). */
  createdAt: number;
}

/** node id → number of children, over nodes whose parent is present. */
export function childCounts(nodes: readonly ArborNode[]): Map<number, number> {
  const present = new Set(nodes.map((n) => n.nodeId));
  const counts = new Map<number, number>(nodes.map((n) => [n.nodeId, 0]));
  for (const n of nodes)
    if (n.parentId !== null && present.has(n.parentId))
      counts.set(n.parentId, (counts.get(n.parentId) ?? 0) + 1);
  return counts;
}

/** Nodes without a (present) parent: the root, plus the roots of any disconnected pieces. */
export function rootsOf(nodes: readonly ArborNode[]): ArborNode[] {
  const present = new Set(nodes.map((n) => n.nodeId));
  return nodes.filter((n) => n.parentId === null || !present.has(n.parentId));
}

/** Leaves (end nodes): nodes without children; a root counts only when it is alone. */
export function leavesOf(nodes: readonly ArborNode[]): ArborNode[] {
  const counts = childCounts(nodes);
  const roots = new Set(rootsOf(nodes).map((n) => n.nodeId));
  return nodes.filter(
    (n) => (counts.get(n.nodeId) ?? 0) === 0 && (!roots.has(n.nodeId) || nodes.length === 1),
  );
}
