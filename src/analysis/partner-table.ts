/**
 * The partner table of the Connectivity view, computed from CATMAID's per-confidence counts
 * (API ref §5.1) so every filter is applied the same way to rows, totals and CSV — the totals
 * of CATMAID's own widget ignore some filters (its issue #1889); these never do.
 *
 * Rules, in order:
 *  1. confidence: count(partner, source) = connections of confidence ≥ minConfidence;
 *  2. synapse threshold, per source as in CATMAID's widget: OR keeps a partner when at least one
 *     source has ≥ minSynapses with it, AND only when every source has (partners shared by all);
 *  3. partner size: nodeCount ≥ minPartnerNodes (pymaid's min_size; 2 hides single-node stubs);
 *  4. text: partner name, or one of its annotations, contains the text (case-insensitive).
 * Cells and totals are the filtered counts of the rows that remain.
 */
import type { ConfidenceBins, PartnerRecord } from '../api/connectivity.ts';
import {
  defaultPartnerFilterOptions,
  type PartnerFilterOptions,
} from '../lib/partner-filter-fields.ts';

/** The filter options (declared with their defaults in lib/partner-filter-fields.ts) and sources. */
export interface PartnerFilter extends PartnerFilterOptions {
  /** Source skeletons to count (columns), in display order. */
  sources: readonly number[];
}

export const defaultPartnerFilter: PartnerFilterOptions = defaultPartnerFilterOptions;

export interface PartnerRow {
  partnerId: number;
  name: string;
  nodeCount: number;
  /** Filtered synapse count per source, in `sources` order. */
  counts: number[];
  total: number;
}

export interface PartnerTable {
  sources: readonly number[];
  rows: PartnerRow[];
  /** Per-source sums over the rows shown. */
  columnTotals: number[];
  total: number;
}

export interface PartnerLookups {
  names: ReadonlyMap<number, string>;
  /** Needed only for the annotation text filter. */
  annotations?: ReadonlyMap<number, readonly string[]>;
}

/** Connections of confidence ≥ minConfidence in a 5-bin histogram. */
export function countAtConfidence(bins: ConfidenceBins | undefined, minConfidence: number): number {
  if (!bins) return 0;
  const from = Math.min(5, Math.max(1, Math.round(minConfidence))) - 1;
  let sum = 0;
  for (let k = from; k < 5; k++) sum += bins[k] ?? 0;
  return sum;
}

function matchesText(
  p: PartnerRecord,
  name: string,
  filter: PartnerFilter,
  lookups: PartnerLookups,
): boolean {
  const needle = filter.text.trim().toLowerCase();
  if (!needle) return true;
  if (filter.textTarget === 'name') return name.toLowerCase().includes(needle);
  const annotations = lookups.annotations?.get(p.partnerId) ?? [];
  return annotations.some((a) => a.toLowerCase().includes(needle));
}

export function buildPartnerTable(
  partners: readonly PartnerRecord[],
  filter: PartnerFilter,
  lookups: PartnerLookups,
): PartnerTable {
  const { sources } = filter;
  const min = Math.max(1, filter.minSynapses);
  const rows: PartnerRow[] = [];
  for (const p of partners) {
    if (p.nodeCount < filter.minPartnerNodes) continue;
    const counts = sources.map((s) => countAtConfidence(p.bins.get(s), filter.minConfidence));
    const pass =
      sources.length > 0 &&
      (filter.op === 'AND' ? counts.every((c) => c >= min) : counts.some((c) => c >= min));
    if (!pass) continue;
    const name = lookups.names.get(p.partnerId) ?? String(p.partnerId);
    if (!matchesText(p, name, filter, lookups)) continue;
    rows.push({
      partnerId: p.partnerId,
      name,
      nodeCount: p.nodeCount,
      counts,
      total: counts.reduce((a, b) => a + b, 0),
    });
  }
  rows.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const columnTotals = sources.map((_, i) => rows.reduce((s, r) => s + (r.counts[i] ?? 0), 0));
  return { sources, rows, columnTotals, total: columnTotals.reduce((a, b) => a + b, 0) };
}
