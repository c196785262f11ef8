/**
 * Similarity of neurons by their partners, as pymaid's `cluster_by_connectivity` computes it:
 *  - per direction (upstream = inputs, downstream = outputs), each neuron is a vector of synapse
 *    counts per partner, partners kept when the count is ≥ threshold;
 *  - matching index (pymaid) = partners shared by A and B / partners of A or B;
 *  - cosine = a·b / (|a| |b|) of the two count vectors (navis' `connectivity_similarity`
 *    metric 'cosine');
 *  - both directions are combined per neuron A, weighted by A's share of upstream vs downstream
 *    partners (pymaid: r_inputs = n_up / (n_up + n_down), 50/50 when A has none), so a row of the
 *    matrix can differ from its column; the matrix shown and clustered is the symmetric mean.
 */
export type SimilarityMetric = 'matching_index' | 'cosine';

export interface PartnerVector {
  /** partner skeleton id → synapse count. */
  upstream: ReadonlyMap<number, number>;
  downstream: ReadonlyMap<number, number>;
}

export interface ConnectivitySimilarityOptions {
  metric: SimilarityMetric;
  threshold: number;
  upstream: boolean;
  downstream: boolean;
}

function kept(v: ReadonlyMap<number, number>, threshold: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [k, n] of v) if (n >= threshold && n > 0) out.set(k, n);
  return out;
}

export function matchingIndex(
  a: ReadonlyMap<number, number>,
  b: ReadonlyMap<number, number>,
): number {
  let shared = 0;
  for (const k of a.keys()) if (b.has(k)) shared++;
  const total = a.size + b.size - shared;
  return total > 0 ? shared / total : 0;
}

export function cosine(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) {
    na += x * x;
    dot += x * (b.get(k) ?? 0);
  }
  for (const x of b.values()) nb += x * x;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Row-oriented (A as the row) pymaid scores; not symmetric in general. */
export function connectivitySimilarity(
  vectors: readonly PartnerVector[],
  opts: ConnectivitySimilarityOptions,
): number[][] {
  const f = opts.metric === 'cosine' ? cosine : matchingIndex;
  const up = vectors.map((v) => kept(v.upstream, opts.threshold));
  const down = vectors.map((v) => kept(v.downstream, opts.threshold));
  return vectors.map((_, i) =>
    vectors.map((_, j) => {
      const sUp = f(up[i] ?? new Map(), up[j] ?? new Map());
      const sDown = f(down[i] ?? new Map(), down[j] ?? new Map());
      if (!opts.downstream) return sUp;
      if (!opts.upstream) return sDown;
      const nUp = up[i]?.size ?? 0;
      const nDown = down[i]?.size ?? 0;
      const rIn = nUp + nDown > 0 ? nUp / (nUp + nDown) : 0.5;
      return sUp * rIn + sDown * (1 - rIn);
    }),
  );
}

/** (M + Mᵀ) / 2: what the dendrogram clusters. */
export function symmetric(m: readonly (readonly number[])[]): number[][] {
  return m.map((row, i) => row.map((v, j) => (v + (m[j]?.[i] ?? v)) / 2));
}
