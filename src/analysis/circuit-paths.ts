/**
 * Directed synaptic paths from a set A to a set B (pymaid `get_paths`, CATMAID `graph/dps`):
 * every simple path (no neuron twice) that starts in A, ends in B, has at most `maxHops` hops,
 * and whose every hop has at least `minSynapses` synapses (pre → post). Pure: the adjacency comes
 * from `skeleton/connectivity_matrix` over the neurons `graph/dps` named, or from partner tables.
 *
 * A path stops at the first B neuron it reaches (a path A → B1 → B2 is reported as A → B1 and,
 * from B1 as a source only if B1 is also in A): what a circuit figure shows is "how does A reach
 * B", and a path running on through B is the same route drawn longer.
 */
import { toCsv } from '../lib/csv.ts';
import type { AdjacencyCounts } from '../api/connectivity-matrix.ts';

export interface PathQuery {
  sources: readonly number[];
  targets: readonly number[];
  maxHops: number;
  minSynapses: number;
  /** Stop after this many paths (dense circuits have combinatorially many). */
  limit?: number;
}

export interface CircuitPath {
  /** Neurons in path order, source first, target last. */
  neurons: number[];
  /** Synapses of each hop: hops[i] = neurons[i] → neurons[i+1]. */
  hops: number[];
  /** The weakest hop's synapses. */
  weakest: number;
}

export interface PathResult {
  paths: CircuitPath[];
  /** The limit cut the enumeration short. */
  truncated: boolean;
}

const DEFAULT_PATH_LIMIT = 5_000;

export function findPaths(adj: AdjacencyCounts, q: PathQuery): PathResult {
  const targets = new Set(q.targets);
  const min = Math.max(1, q.minSynapses);
  const limit = q.limit ?? DEFAULT_PATH_LIMIT;
  const paths: CircuitPath[] = [];
  let truncated = false;
  const stack: number[] = [];
  const hops: number[] = [];
  const onPath = new Set<number>();
  const visit = (id: number): void => {
    if (truncated) return;
    if (stack.length > 0 && targets.has(id)) {
      if (paths.length >= limit) {
        truncated = true;
        return;
      }
      paths.push({ neurons: [...stack, id], hops: [...hops], weakest: Math.min(...hops) });
      return;
    }
    if (stack.length >= q.maxHops) return;
    stack.push(id);
    onPath.add(id);
    const out = [...(adj.get(id) ?? [])].sort((a, b) => a[0] - b[0]);
    for (const [post, n] of out) {
      if (n < min || onPath.has(post)) continue;
      hops.push(n);
      visit(post);
      hops.pop();
    }
    onPath.delete(id);
    stack.pop();
  };
  for (const s of [...new Set(q.sources)].sort((a, b) => a - b)) visit(s);
  return { paths, truncated };
}

/** Every neuron on any path, in first-seen order. */
export function pathNeurons(paths: readonly CircuitPath[]): number[] {
  const seen = new Set<number>();
  for (const p of paths) for (const id of p.neurons) seen.add(id);
  return [...seen];
}

/** Distinct directed edges used by the paths, with their synapse counts. */
export function pathEdges(
  paths: readonly CircuitPath[],
): { source: number; target: number; weight: number }[] {
  const edges = new Map<string, { source: number; target: number; weight: number }>();
  for (const p of paths)
    p.hops.forEach((w, i) => {
      const source = p.neurons[i] ?? 0;
      const target = p.neurons[i + 1] ?? 0;
      edges.set(`${source}>${target}`, { source, target, weight: w });
    });
  return [...edges.values()];
}

/**
 * Column of each neuron in the layered drawing: sources at 0, targets at the last column
 * (the longest path's hop count), every other neuron at its earliest position on any path.
 */
export function pathLayers(
  paths: readonly CircuitPath[],
  sources: readonly number[],
  targets: readonly number[],
): Map<number, number> {
  const last = Math.max(1, ...paths.map((p) => p.hops.length));
  const src = new Set(sources);
  const tgt = new Set(targets);
  const layer = new Map<number, number>();
  for (const p of paths)
    p.neurons.forEach((id, i) => {
      const l = src.has(id) && i === 0 ? 0 : tgt.has(id) && i === p.neurons.length - 1 ? last : i;
      const prev = layer.get(id);
      if (prev === undefined || l < prev) layer.set(id, l);
    });
  return layer;
}

export type PathSort = 'weakest' | 'length';

/** Strongest weakest hop first (ties: fewer hops), or shortest first (ties: strongest). */
export function sortPaths(paths: readonly CircuitPath[], by: PathSort): CircuitPath[] {
  return [...paths].sort((a, b) =>
    by === 'weakest'
      ? b.weakest - a.weakest || a.hops.length - b.hops.length
      : a.hops.length - b.hops.length || b.weakest - a.weakest,
  );
}

export function pathsCsv(
  paths: readonly CircuitPath[],
  names: ReadonlyMap<number, string>,
): string {
  const label = (id: number) => `${names.get(id) ?? id} (${id})`;
  return toCsv([
    ['path', 'hops', 'weakest hop (synapses)', 'neurons', 'synapses per hop'],
    ...paths.map((p, i) => [
      i + 1,
      p.hops.length,
      p.weakest,
      p.neurons.map(label).join(' → '),
      p.hops.join(' / '),
    ]),
  ]);
}

/**
 * A reciprocal link type (gap junctions) has no direction: a hop may go either way. The
 * adjacency gets both directions of every pair, with the larger of the two counts (partner
 * tables of such types list each junction once per side, so both are normally equal).
 */
export function undirected(adj: AdjacencyCounts): AdjacencyCounts {
  const out = new Map<number, Map<number, number>>();
  const put = (a: number, b: number, n: number) => {
    let row = out.get(a);
    if (!row) out.set(a, (row = new Map()));
    row.set(b, Math.max(n, row.get(b) ?? 0));
  };
  for (const [a, row] of adj)
    for (const [b, n] of row) {
      put(a, b, n);
      put(b, a, n);
    }
  return out;
}
