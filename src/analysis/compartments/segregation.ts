/**
 * Segregation index (Schneider-Mizell et al. 2016), as navis' `segregation_index`: the entropy
 * of input vs output within each fragment, weighted by its synapses, normalised by the entropy
 * of the whole neuron: H = 1 − S / S_norm. 1 = inputs and outputs fully segregated; 0 = mixed,
 * and 0 when the neuron has only inputs or only outputs.
 */
export interface FragmentSynapses {
  pre: number;
  post: number;
}

function binaryEntropy(p: number): number {
  return p > 0 && p < 1 ? -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) : 0;
}

export function segregationIndex(fragments: readonly FragmentSynapses[]): number {
  let totalPre = 0;
  let totalPost = 0;
  for (const f of fragments) {
    totalPre += f.pre;
    totalPost += f.post;
  }
  const total = totalPre + totalPost;
  if (total === 0) return 0;
  let s = 0;
  for (const f of fragments) {
    const n = f.pre + f.post;
    if (n > 0) s += binaryEntropy(f.post / n) * n;
  }
  s /= total;
  const sNorm = binaryEntropy(totalPost / total);
  return sNorm > 0 ? 1 - s / sNorm : 0;
}
