/**
 * Rectangular connectivity matrix: sources (rows, presynaptic) × targets (columns,
 * postsynaptic) chosen independently, cells raw synapse counts or the fraction of the target's
 * input (synapses from the row / all synapses onto the target, pymaid's
 * `adjacency_matrix(fractions=True)`), optionally collapsed into groups (cell types) by sum,
 * mean or max over the neuron pairs of the two groups. Ordered by name, group or hierarchical
 * clustering (ml-hclust, average linkage on cosine distance of the rows' and columns' profiles),
 * whose dendrogram is drawn beside the matrix.
 */
import { agnes, type Cluster } from 'ml-hclust';
import { adjacencyCount, type AdjacencyCounts } from '../api/connectivity-matrix.ts';
import { toCsv } from '../lib/csv.ts';

export type Aggregate = 'sum' | 'mean' | 'max';
export type CellValue = 'raw' | 'fraction';

export interface MatrixAxis {
  /** Keys in display order: skeleton ids as strings, or group names. */
  keys: string[];
  labels: string[];
  /** Neurons behind each key. */
  members: number[][];
}

export interface RectMatrix {
  rows: MatrixAxis;
  cols: MatrixAxis;
  z: number[][];
}

export interface RectMatrixInput {
  counts: AdjacencyCounts;
  rowIds: readonly number[];
  colIds: readonly number[];
  names: ReadonlyMap<number, string>;
  /** Group per neuron; absent = one row/column per neuron. */
  rowGroups?: ReadonlyMap<number, string>;
  colGroups?: ReadonlyMap<number, string>;
  aggregate: Aggregate;
  value: CellValue;
  /** Total synapses onto each target (for `fraction`). */
  targetInput?: ReadonlyMap<number, number>;
}

function axis(
  ids: readonly number[],
  names: ReadonlyMap<number, string>,
  groups?: ReadonlyMap<number, string>,
): MatrixAxis {
  if (!groups) {
    const sorted = [...new Set(ids)];
    return {
      keys: sorted.map(String),
      labels: sorted.map((id) => names.get(id) ?? String(id)),
      members: sorted.map((id) => [id]),
    };
  }
  const by = new Map<string, number[]>();
  for (const id of new Set(ids)) {
    const g = groups.get(id) ?? '?';
    const list = by.get(g);
    if (list) list.push(id);
    else by.set(g, [id]);
  }
  const keys = [...by.keys()].sort((a, b) => a.localeCompare(b));
  return {
    keys,
    labels: keys.map((k) => `${k} (${by.get(k)?.length ?? 0})`),
    members: keys.map((k) => by.get(k) ?? []),
  };
}

function cellValue(
  input: Pick<RectMatrixInput, 'counts' | 'value' | 'targetInput'>,
  pre: number,
  post: number,
): number {
  const n = adjacencyCount(input.counts, pre, post);
  if (input.value === 'raw') return n;
  const total = input.targetInput?.get(post) ?? 0;
  return total > 0 ? n / total : 0;
}

function aggregate(values: number[], how: Aggregate): number {
  if (values.length === 0) return 0;
  if (how === 'max') return Math.max(...values);
  const sum = values.reduce((a, b) => a + b, 0);
  return how === 'sum' ? sum : sum / values.length;
}

export function buildRectMatrix(input: RectMatrixInput): RectMatrix {
  const rows = axis(input.rowIds, input.names, input.rowGroups);
  const cols = axis(input.colIds, input.names, input.colGroups);
  const z = rows.members.map((pres) =>
    cols.members.map((posts) => {
      const values: number[] = [];
      for (const pre of pres)
        for (const post of posts) if (pre !== post) values.push(cellValue(input, pre, post));
      return aggregate(values, input.aggregate);
    }),
  );
  return { rows, cols, z };
}

function cosine(a: readonly number[], b: readonly number[]): number {
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
  return Math.max(0, 1 - dot / Math.sqrt(na * nb));
}

/** One merge of the dendrogram: leaf positions are the order's indices. */
export interface DendrogramLink {
  /** Horizontal position (leaf index, or mean of the children's positions). */
  a: number;
  b: number;
  /** Heights of the two children and of the merge. */
  ha: number;
  hb: number;
  h: number;
}

export interface Clustering {
  order: number[];
  links: DendrogramLink[];
  maxHeight: number;
}

/** Average-linkage clustering of profile vectors; the leaf order draws without crossings. */
export function clusterProfiles(profiles: readonly number[][]): Clustering {
  if (profiles.length < 2) return { order: profiles.map((_, i) => i), links: [], maxHeight: 0 };
  const dist = profiles.map((p) => profiles.map((q) => cosine(p, q)));
  const tree = agnes(dist, { method: 'average', isDistanceMatrix: true });
  const order = tree.indices();
  const pos = new Map(order.map((leaf, i) => [leaf, i]));
  const links: DendrogramLink[] = [];
  const walk = (c: Cluster): { x: number; h: number } => {
    if (c.isLeaf) return { x: pos.get(c.index) ?? 0, h: 0 };
    const kids = c.children.map(walk);
    let cur = kids[0] ?? { x: 0, h: 0 };
    for (const k of kids.slice(1)) {
      links.push({ a: cur.x, b: k.x, ha: cur.h, hb: k.h, h: c.height });
      cur = { x: (cur.x + k.x) / 2, h: c.height };
    }
    return cur;
  };
  walk(tree);
  return { order, links, maxHeight: tree.height };
}

/** Reorder a matrix's rows and columns (index permutations). */
export function permute(
  m: RectMatrix,
  rowOrder: readonly number[],
  colOrder: readonly number[],
): RectMatrix {
  const pick = (a: MatrixAxis, order: readonly number[]): MatrixAxis => ({
    keys: order.map((i) => a.keys[i] ?? ''),
    labels: order.map((i) => a.labels[i] ?? ''),
    members: order.map((i) => a.members[i] ?? []),
  });
  return {
    rows: pick(m.rows, rowOrder),
    cols: pick(m.cols, colOrder),
    z: rowOrder.map((r) => colOrder.map((c) => m.z[r]?.[c] ?? 0)),
  };
}

/** Index order of an axis by label. */
export function labelOrder(a: MatrixAxis): number[] {
  return a.labels
    .map((_, i) => i)
    .sort((x, y) => (a.labels[x] ?? '').localeCompare(a.labels[y] ?? '') || x - y);
}

export function rectMatrixCsv(m: RectMatrix, value: CellValue): string {
  const fmt = (v: number) => (value === 'raw' ? Number(v.toFixed(4)) : v.toFixed(4));
  return toCsv([
    ['presynaptic \\ postsynaptic', ...m.cols.labels],
    ...m.rows.labels.map((label, i) => [label, ...(m.z[i] ?? []).map(fmt)]),
  ]);
}

/** Counts row → partner from partner tables of the rows (for reciprocal link types). */
export function adjacencyFromPartners(
  partners: readonly { partnerId: number; bins: ReadonlyMap<number, readonly number[]> }[],
  colIds: readonly number[],
  minConfidence = 1,
): Map<number, Map<number, number>> {
  const cols = new Set(colIds);
  const out = new Map<number, Map<number, number>>();
  const from = Math.min(5, Math.max(1, minConfidence)) - 1;
  for (const p of partners) {
    if (!cols.has(p.partnerId)) continue;
    for (const [row, bins] of p.bins) {
      const n = bins.slice(from).reduce((s, v) => s + v, 0);
      if (n === 0) continue;
      const m = out.get(row) ?? new Map<number, number>();
      m.set(p.partnerId, n);
      out.set(row, m);
    }
  }
  return out;
}

/** All synapses onto each target (its upstream partner table summed): the fraction's denominator. */
export function inputTotals(
  upstreamOfTargets: readonly { bins: ReadonlyMap<number, readonly number[]> }[],
  minConfidence = 1,
): Map<number, number> {
  const from = Math.min(5, Math.max(1, minConfidence)) - 1;
  const out = new Map<number, number>();
  for (const p of upstreamOfTargets)
    for (const [target, bins] of p.bins)
      out.set(target, (out.get(target) ?? 0) + bins.slice(from).reduce((s, v) => s + v, 0));
  return out;
}

/** Index order of an axis by each key's group, then label. */
export function groupLabelOrder(a: MatrixAxis, groupOf: (key: string) => string): number[] {
  return a.labels
    .map((_, i) => i)
    .sort(
      (x, y) =>
        groupOf(a.keys[x] ?? '').localeCompare(groupOf(a.keys[y] ?? '')) ||
        (a.labels[x] ?? '').localeCompare(a.labels[y] ?? '') ||
        x - y,
    );
}
