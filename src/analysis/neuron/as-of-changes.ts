/**
 * What changed between the neuron as of a date and today, for an auditor: each node and each
 * parent–child edge is classed so the old skeleton can be drawn with its changes visible.
 *
 * Nodes (by id):
 * - `kept`: there then and now, with the same parent and at the same place;
 * - `changed`: there then and now, but moved or given another parent since;
 * - `deleted`: there then, gone now (removed, or split off into another skeleton);
 * - `added`: there now, not then.
 *
 * Edges (child → parent, both ends existing at that time):
 * - `kept`: the same edge then and now (same child, same parent, both ends at the same place);
 *   drawn once;
 * - `gone`: an edge of then that today's skeleton no longer has as it was (an end deleted, moved
 *   or the child reparented);
 * - `added`: an edge of today that the old skeleton did not have.
 * Comparing a skeleton with itself (the "Now" case) gives only kept nodes and edges.
 */
import type { ArborNode } from './arbor.ts';

export type NodeChange = 'kept' | 'changed' | 'deleted' | 'added';
export type EdgeChange = 'kept' | 'gone' | 'added';

export interface ChangedEdge {
  child: ArborNode;
  parent: ArborNode;
  change: EdgeChange;
}

export interface AsOfChanges {
  nodeChange: Map<number, NodeChange>;
  nodeCounts: Record<NodeChange, number>;
  edges: ChangedEdge[];
  edgeCounts: Record<EdgeChange, number>;
}

/** Positions are stored values copied through JSON: equal places are equal to well below 1 nm. */
const TOLERANCE_NM = 1e-3;

function samePlace(a: ArborNode, b: ArborNode): boolean {
  return (
    Math.abs(a.x - b.x) <= TOLERANCE_NM &&
    Math.abs(a.y - b.y) <= TOLERANCE_NM &&
    Math.abs(a.z - b.z) <= TOLERANCE_NM
  );
}

export function classifyAsOf(then: readonly ArborNode[], now: readonly ArborNode[]): AsOfChanges {
  const thenById = new Map(then.map((n) => [n.nodeId, n]));
  const nowById = new Map(now.map((n) => [n.nodeId, n]));
  const nodeChange = new Map<number, NodeChange>();
  const nodeCounts: Record<NodeChange, number> = { kept: 0, changed: 0, deleted: 0, added: 0 };
  const mark = (id: number, c: NodeChange) => {
    nodeChange.set(id, c);
    nodeCounts[c]++;
  };
  for (const old of then) {
    const today = nowById.get(old.nodeId);
    if (!today) mark(old.nodeId, 'deleted');
    else if (today.parentId === old.parentId && samePlace(old, today)) mark(old.nodeId, 'kept');
    else mark(old.nodeId, 'changed');
  }
  for (const today of now) if (!thenById.has(today.nodeId)) mark(today.nodeId, 'added');

  /** An edge is unchanged when its child is kept and its parent still stands where it stood. */
  const unchanged = (child: ArborNode, parent: ArborNode, other: Map<number, ArborNode>) => {
    const otherParent = other.get(parent.nodeId);
    return (
      nodeChange.get(child.nodeId) === 'kept' &&
      otherParent !== undefined &&
      samePlace(parent, otherParent)
    );
  };
  const edges: ChangedEdge[] = [];
  const edgeCounts: Record<EdgeChange, number> = { kept: 0, gone: 0, added: 0 };
  const push = (child: ArborNode, parent: ArborNode, change: EdgeChange) => {
    edges.push({ child, parent, change });
    edgeCounts[change]++;
  };
  for (const child of then) {
    const parent = child.parentId === null ? undefined : thenById.get(child.parentId);
    if (parent) push(child, parent, unchanged(child, parent, nowById) ? 'kept' : 'gone');
  }
  for (const child of now) {
    const parent = child.parentId === null ? undefined : nowById.get(child.parentId);
    if (parent && !unchanged(child, parent, thenById)) push(child, parent, 'added');
  }
  return { nodeChange, nodeCounts, edges, edgeCounts };
}
