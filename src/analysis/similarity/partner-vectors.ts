/**
 * Each source neuron's input and output vectors from CATMAID's connectivity answer (§5.1):
 * partner → synapses of confidence ≥ minConfidence, partners with fewer than minNodes nodes left
 * out (pymaid's min_nodes = 2 drops single-node stubs).
 */
import type { Connectivity, PartnerRecord } from '../../api/connectivity.ts';
import { countAtConfidence } from '../partner-table.ts';
import type { PartnerVector } from './connectivity-similarity.ts';

function side(
  records: readonly PartnerRecord[],
  source: number,
  minConf: number,
  minNodes: number,
) {
  const out = new Map<number, number>();
  for (const r of records) {
    // 0 = the server sent no node count: keep the partner rather than drop every one.
    if (r.nodeCount > 0 && r.nodeCount < minNodes) continue;
    const n = countAtConfidence(r.bins.get(source), minConf);
    if (n > 0) out.set(r.partnerId, n);
  }
  return out;
}

export function partnerVectors(
  c: Connectivity,
  sources: readonly number[],
  minConfidence = 1,
  minNodes = 2,
): PartnerVector[] {
  return sources.map((s) => ({
    upstream: side(c.upstream, s, minConfidence, minNodes),
    downstream: side(c.downstream, s, minConfidence, minNodes),
  }));
}
