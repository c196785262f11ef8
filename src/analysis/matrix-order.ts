/**
 * Orders for the adjacency matrix: by name, by annotation group, or by hierarchical clustering
 * (average linkage, distance = 1 − cosine similarity of each neuron's connectivity profile:
 * its outputs to and inputs from every neuron of the matrix). All deterministic.
 */
import { adjacencyCount, type AdjacencyCounts } from '../api/connectivity-matrix.ts';

export type MatrixOrder = 'name' | 'group' | 'cluster';

const byName = (names: ReadonlyMap<number, string>) => (a: number, b: number) =>
  (names.get(a) ?? String(a)).localeCompare(names.get(b) ?? String(b)) || a - b;

export function orderByName(ids: readonly number[], names: ReadonlyMap<number, string>): number[] {
  return [...ids].sort(byName(names));
}

/**
 * Annotations that split the neurons (carried by some but not all), most used first: a default
 * for the grouping when the user names none.
 */
export function splittingAnnotations(
  ids: readonly number[],
  annotations: ReadonlyMap<number, readonly string[]>,
): string[] {
  const count = new Map<string, number>();
  for (const id of ids)
    for (const a of annotations.get(id) ?? []) count.set(a, (count.get(a) ?? 0) + 1);
  return [...count]
    .filter(([, n]) => n < ids.length)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([a]) => a);
}

export interface Grouping {
  order: number[];
  /** skeleton id → group label (the first listed annotation it carries, or "(other)"). */
  groupOf: Map<number, string>;
}

export function orderByGroup(
  ids: readonly number[],
  names: ReadonlyMap<number, string>,
  annotations: ReadonlyMap<number, readonly string[]>,
  groups: readonly string[],
): Grouping {
  const groupOf = new Map<number, string>();
  const rank = (id: number) => {
    const own = annotations.get(id) ?? [];
    const i = groups.findIndex((g) => own.includes(g));
    groupOf.set(id, i < 0 ? '(other)' : (groups[i] ?? '(other)'));
    return i < 0 ? groups.length : i;
  };
  const ranks = new Map(ids.map((id) => [id, rank(id)]));
  const nameOrder = byName(names);
  const order = [...ids].sort(
    (a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0) || nameOrder(a, b),
  );
  return { order, groupOf };
}

function cosineDistance(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 && nb === 0) return 0;
  if (na === 0 || nb === 0) return 1;
  return 1 - dot / Math.sqrt(na * nb);
}

/** Leaf order of an average-linkage dendrogram; ties broken by name order. */
export function orderByClustering(
  ids: readonly number[],
  counts: AdjacencyCounts,
  names: ReadonlyMap<number, string>,
): number[] {
  const start = orderByName(ids, names);
  const profile = start.map((id) => [
    ...start.map((o) => adjacencyCount(counts, id, o)),
    ...start.map((o) => adjacencyCount(counts, o, id)),
  ]);
  const dist = profile.map((p) => profile.map((q) => cosineDistance(p, q)));
  let clusters = start.map((_, i) => ({ members: [i] }));
  while (clusters.length > 1) {
    let best = { d: Infinity, i: 0, j: 1 };
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const ci = clusters[i]?.members ?? [];
        const cj = clusters[j]?.members ?? [];
        let sum = 0;
        for (const a of ci) for (const b of cj) sum += dist[a]?.[b] ?? 1;
        const d = sum / (ci.length * cj.length);
        if (d < best.d - 1e-12) best = { d, i, j };
      }
    }
    const merged = {
      members: [...(clusters[best.i]?.members ?? []), ...(clusters[best.j]?.members ?? [])],
    };
    clusters = clusters.filter((_, k) => k !== best.i && k !== best.j);
    clusters.splice(best.i, 0, merged);
  }
  return (clusters[0]?.members ?? []).map((i) => start[i] ?? 0);
}
