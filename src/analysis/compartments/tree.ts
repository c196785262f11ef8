/**
 * Tree helpers the compartment split needs: re-rooting a parent array at another node (navis
 * re-roots to the soma before it computes flow), child lists and a root-first node order.
 */

/** Children of every node as one flat list: children of i are `list[start[i]..start[i+1])`. */
export interface ChildLists {
  start: Int32Array;
  list: Int32Array;
}

export function childLists(parent: Int32Array): ChildLists {
  const n = parent.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = parent[i] ?? -1;
    if (p >= 0) start[p + 1] = (start[p + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n] ?? 0);
  for (let i = 0; i < n; i++) {
    const p = parent[i] ?? -1;
    if (p < 0) continue;
    const at = fill[p] ?? 0;
    list[at] = i;
    fill[p] = at + 1;
  }
  return { start, list };
}

export function childCount(c: ChildLists, i: number): number {
  return (c.start[i + 1] ?? 0) - (c.start[i] ?? 0);
}

/** Nodes in breadth-first order from every root (parents always before their children). */
export function rootFirstOrder(parent: Int32Array, c: ChildLists = childLists(parent)): Int32Array {
  const n = parent.length;
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if ((parent[i] ?? -1) < 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const v = order[head] ?? 0;
    for (let k = c.start[v] ?? 0; k < (c.start[v + 1] ?? 0); k++) order[tail++] = c.list[k] ?? 0;
  }
  return tail === n ? order : order.slice(0, tail);
}

/** The same tree (undirected edges) with `root` as its root; other trees of a forest keep theirs. */
export function rerooted(parent: Int32Array, root: number): Int32Array {
  const out = Int32Array.from(parent);
  if (root < 0 || root >= parent.length) return out;
  // Reverse the edges on the path from the new root up to the old one.
  let prev = -1;
  let v = root;
  let guard = 0;
  while (v >= 0 && guard++ <= parent.length) {
    const up = parent[v] ?? -1;
    out[v] = prev;
    prev = v;
    v = up;
  }
  return out;
}

/** Undirected neighbours (parent and children) of node v. */
export function forEachNeighbour(
  parent: Int32Array,
  c: ChildLists,
  v: number,
  fn: (u: number) => void,
): void {
  const p = parent[v] ?? -1;
  if (p >= 0) fn(p);
  for (let k = c.start[v] ?? 0; k < (c.start[v + 1] ?? 0); k++) fn(c.list[k] ?? 0);
}
