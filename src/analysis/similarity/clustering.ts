/**
 * Hierarchical clustering of a similarity matrix (distance = 1 − similarity, average linkage, as
 * pymaid's ClustResults and navis' NBLAST examples use), the leaf order for the matrix and the
 * dendrogram, and the cut into k flat clusters that can become colour groups.
 */
import { agnes, type Cluster } from 'ml-hclust';

export interface Dendrogram {
  /** Leaf indices left to right. */
  order: number[];
  /** Merges: [left node, right node, height]; node < n is a leaf, else merge n + k. */
  merges: [number, number, number][];
  root: Cluster;
}

function similarityToDistance(sim: readonly (readonly number[])[]): number[][] {
  return sim.map((row, i) => row.map((v, j) => (i === j ? 0 : Math.max(0, 1 - v))));
}

export function cluster(sim: readonly (readonly number[])[]): Dendrogram | null {
  const n = sim.length;
  if (n < 2) return null;
  const root = agnes(similarityToDistance(sim), { method: 'average', isDistanceMatrix: true });
  const order: number[] = [];
  const merges: [number, number, number][] = [];
  const idOf = new Map<Cluster, number>();
  const walk = (c: Cluster): number => {
    if (c.isLeaf) {
      order.push(c.index);
      idOf.set(c, c.index);
      return c.index;
    }
    const ids = c.children.map(walk);
    // Binary in agnes; fold any wider node into successive merges at the same height.
    let left = ids[0] ?? 0;
    for (let k = 1; k < ids.length; k++) {
      merges.push([left, ids[k] ?? 0, c.height]);
      left = n + merges.length - 1;
    }
    idOf.set(c, left);
    return left;
  };
  walk(root);
  return { order, merges, root };
}

/** Flat cluster number (0..k−1, numbered left to right) per leaf index. */
export function cutClusters(d: Dendrogram, n: number, k: number): number[] {
  const out = new Array<number>(n).fill(0);
  const groups = d.root.group(Math.max(1, Math.min(k, n)));
  const lists = groups.children.length
    ? groups.children.map((c) => c.indices())
    : [groups.indices()];
  const pos = new Map(d.order.map((leaf, i) => [leaf, i]));
  lists.sort(
    (a, b) =>
      Math.min(...a.map((x) => pos.get(x) ?? 0)) - Math.min(...b.map((x) => pos.get(x) ?? 0)),
  );
  lists.forEach((leaves, g) => {
    for (const leaf of leaves) out[leaf] = g;
  });
  return out;
}
