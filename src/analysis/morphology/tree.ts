/**
 * The tree shape every morphology analysis reads: a compact-detail skeleton's parent indices,
 * positions, radii, tags and synapse links (a structural subset of `SkeletonDetail`, so hand-made
 * test trees need no ids or users). Plus the topology helpers they share: child counts, branch
 * points, leaves, and a re-rooting at any node (the soma) with a breadth-first order.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';

export type MorphTree = Pick<SkeletonDetail, 'parentIndex' | 'positions' | 'radii' | 'tags'> & {
  connectors: Pick<SkeletonDetail['connectors'], 'nodeIndex' | 'relations'>;
};

export function childCounts(parentIndex: Int32Array): Int32Array {
  const n = parentIndex.length;
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parentIndex[i] ?? -1;
    if (p >= 0 && p < n) counts[p] = (counts[p] ?? 0) + 1;
  }
  return counts;
}

/** Nodes with two or more children (as traced, i.e. from the skeleton's own root). */
export function branchPoints(parentIndex: Int32Array): number[] {
  const counts = childCounts(parentIndex);
  const out: number[] = [];
  for (let i = 0; i < counts.length; i++) if ((counts[i] ?? 0) >= 2) out.push(i);
  return out;
}

/**
 * End nodes: nodes without children, except a root (a root is a root, as in CATMAID and navis,
 * even when nothing hangs below it).
 */
export function leaves(parentIndex: Int32Array): number[] {
  const counts = childCounts(parentIndex);
  const out: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    if ((counts[i] ?? 0) === 0 && (parentIndex[i] ?? -1) >= 0) out.push(i);
  }
  return out;
}

export function edgeLength(positions: Float32Array, a: number, b: number): number {
  const dx = (positions[a * 3] ?? 0) - (positions[b * 3] ?? 0);
  const dy = (positions[a * 3 + 1] ?? 0) - (positions[b * 3 + 1] ?? 0);
  const dz = (positions[a * 3 + 2] ?? 0) - (positions[b * 3 + 2] ?? 0);
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

export interface Rerooted {
  /** Parent of each node with `origin` as the root; -1 for the origin and unreachable nodes. */
  parent: Int32Array;
  /** Reachable nodes in breadth-first order from the origin (parents before children). */
  order: Int32Array;
}

/** The same tree hanging from `origin` (edges kept, directions flipped on the way up). */
export function reroot(parentIndex: Int32Array, origin: number): Rerooted {
  const n = parentIndex.length;
  const degree = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = parentIndex[i] ?? -1;
    if (p < 0 || p >= n) continue;
    degree[i + 1] = (degree[i + 1] ?? 0) + 1;
    degree[p + 1] = (degree[p + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) degree[i + 1] = (degree[i + 1] ?? 0) + (degree[i] ?? 0);
  const fill = degree.slice(0, n);
  const adjacent = new Int32Array(degree[n] ?? 0);
  for (let i = 0; i < n; i++) {
    const p = parentIndex[i] ?? -1;
    if (p < 0 || p >= n) continue;
    adjacent[(fill[i] = (fill[i] ?? 0) + 1) - 1] = p;
    adjacent[(fill[p] = (fill[p] ?? 0) + 1) - 1] = i;
  }
  const parent = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const order = new Int32Array(n);
  let tail = 0;
  if (origin >= 0 && origin < n) {
    order[tail++] = origin;
    seen[origin] = 1;
  }
  for (let head = 0; head < tail; head++) {
    const v = order[head] ?? 0;
    for (let k = degree[v] ?? 0; k < (degree[v + 1] ?? 0); k++) {
      const w = adjacent[k] ?? 0;
      if (seen[w]) continue;
      seen[w] = 1;
      parent[w] = v;
      order[tail++] = w;
    }
  }
  return { parent, order: order.slice(0, tail) };
}

/** Path length from the origin of `rerooted` to every node, nm; NaN where unreachable. */
export function pathDistances(positions: Float32Array, rerooted: Rerooted): Float64Array {
  const dist = new Float64Array(rerooted.parent.length).fill(Number.NaN);
  const { order, parent } = rerooted;
  for (let k = 0; k < order.length; k++) {
    const v = order[k] ?? 0;
    const p = parent[v] ?? -1;
    dist[v] = p < 0 ? 0 : (dist[p] ?? 0) + edgeLength(positions, v, p);
  }
  return dist;
}
