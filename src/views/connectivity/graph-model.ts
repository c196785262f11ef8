/** Which nodes and edges the network graph shows, from the partner tables and the matrix. */
import type { Connectivity } from '../../api/connectivity.ts';
import type { AdjacencyCounts } from '../../api/connectivity-matrix.ts';
import type { GraphEdge } from '../../analysis/graph-layout.ts';
import { buildPartnerTable, type PartnerFilter } from '../../analysis/partner-table.ts';

/** The `top` partners by filtered synapses (both directions), the sources excluded. */
export function topPartners(
  connectivity: Connectivity | undefined,
  filter: PartnerFilter,
  top: number,
): number[] {
  if (!connectivity || top <= 0) return [];
  const total = new Map<number, number>();
  for (const side of [connectivity.upstream, connectivity.downstream]) {
    for (const r of buildPartnerTable(side, filter, { names: new Map() }).rows)
      total.set(r.partnerId, (total.get(r.partnerId) ?? 0) + r.total);
  }
  const sources = new Set(filter.sources);
  return [...total]
    .filter(([id]) => !sources.has(id))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, top)
    .map(([id]) => id);
}

export function graphEdges(
  counts: AdjacencyCounts | undefined,
  ids: readonly number[],
  threshold: number,
): GraphEdge[] {
  if (!counts) return [];
  const present = new Set(ids);
  const out: GraphEdge[] = [];
  for (const [pre, row] of counts) {
    if (!present.has(pre)) continue;
    for (const [post, n] of row)
      if (post !== pre && present.has(post) && n >= Math.max(1, threshold))
        out.push({ source: pre, target: post, weight: n });
  }
  return out.sort((a, b) => a.source - b.source || a.target - b.target);
}
