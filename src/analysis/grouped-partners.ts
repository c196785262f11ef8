/**
 * Partner tables collapsed by cell type (what circuit papers publish): per group the number of
 * partner neurons, their synapses with the sources, and that as a fraction of all the sources'
 * synapses in this direction. And CATMAID's "synapse fractions": per neuron, its inputs (or
 * outputs) split by partner group, groups below a threshold pooled into "other"; the fractions
 * of a neuron add to 1.
 */
import type { PartnerRecord } from '../api/connectivity.ts';
import { toCsv } from '../lib/csv.ts';
import { countAtConfidence, type PartnerRow } from './partner-table.ts';

export interface PartnerGroup {
  group: string;
  /** The group's partners, most synapses first. */
  partners: PartnerRow[];
  synapses: number;
  /** synapses / all synapses of the sources in this direction. */
  fraction: number;
}

/** Synapses of the sources with every partner at the confidence (no threshold): the denominator. */
export function allSynapses(
  partners: readonly PartnerRecord[],
  sources: readonly number[],
  minConfidence: number,
): number {
  let sum = 0;
  for (const p of partners)
    for (const s of sources) sum += countAtConfidence(p.bins.get(s), minConfidence);
  return sum;
}

export function groupPartnerRows(
  rows: readonly PartnerRow[],
  groupOf: ReadonlyMap<number, string>,
  denominator: number,
  ungrouped: string,
): PartnerGroup[] {
  const byGroup = new Map<string, PartnerRow[]>();
  for (const r of rows) {
    const g = groupOf.get(r.partnerId) ?? ungrouped;
    const list = byGroup.get(g);
    if (list) list.push(r);
    else byGroup.set(g, [r]);
  }
  return [...byGroup]
    .map(([group, partners]) => {
      const synapses = partners.reduce((s, r) => s + r.total, 0);
      return {
        group,
        partners: [...partners].sort((a, b) => b.total - a.total || a.partnerId - b.partnerId),
        synapses,
        fraction: denominator > 0 ? synapses / denominator : 0,
      };
    })
    .sort((a, b) => b.synapses - a.synapses || a.group.localeCompare(b.group));
}

export function groupedPartnersCsv(
  groups: readonly PartnerGroup[],
  direction: string,
  names: ReadonlyMap<number, string>,
): string {
  return toCsv([
    ['direction', 'group', 'partners', 'synapses', 'fraction', 'partner neurons'],
    ...groups.map((g) => [
      direction,
      g.group,
      g.partners.length,
      g.synapses,
      g.fraction.toFixed(4),
      g.partners.map((r) => `${names.get(r.partnerId) ?? r.name} (${r.partnerId})`).join('; '),
    ]),
  ]);
}

export const OTHER_GROUP = 'other';

export interface FractionBin {
  group: string;
  synapses: number;
  fraction: number;
}

export interface NeuronFractions {
  skeletonId: number;
  total: number;
  bins: FractionBin[];
}

/**
 * One neuron's synapses by partner group. Groups with fewer than `minSynapses` synapses with the
 * neuron go to "other" (CATMAID's synapse-fraction threshold). Bins sorted by size, "other"
 * last; fractions add to 1 (or there are no bins when the neuron has no synapses).
 */
export function neuronFractions(
  skeletonId: number,
  partners: readonly PartnerRecord[],
  groupOf: ReadonlyMap<number, string>,
  ungrouped: string,
  { minSynapses = 1, minConfidence = 1 }: { minSynapses?: number; minConfidence?: number } = {},
): NeuronFractions {
  const sums = new Map<string, number>();
  let total = 0;
  for (const p of partners) {
    const n = countAtConfidence(p.bins.get(skeletonId), minConfidence);
    if (n === 0) continue;
    const g = groupOf.get(p.partnerId) ?? ungrouped;
    sums.set(g, (sums.get(g) ?? 0) + n);
    total += n;
  }
  let other = 0;
  const bins: FractionBin[] = [];
  for (const [group, synapses] of sums) {
    if (synapses < minSynapses || group === OTHER_GROUP) other += synapses;
    else bins.push({ group, synapses, fraction: synapses / total });
  }
  bins.sort((a, b) => b.synapses - a.synapses || a.group.localeCompare(b.group));
  if (other > 0) bins.push({ group: OTHER_GROUP, synapses: other, fraction: other / total });
  return { skeletonId, total, bins };
}

export function fractionsCsv(
  rows: readonly NeuronFractions[],
  direction: string,
  names: ReadonlyMap<number, string>,
): string {
  return toCsv([
    ['skeleton id', 'name', 'direction', 'group', 'synapses', 'fraction', 'neuron total'],
    ...rows.flatMap((r) =>
      r.bins.map((b) => [
        r.skeletonId,
        names.get(r.skeletonId) ?? '',
        direction,
        b.group,
        b.synapses,
        b.fraction.toFixed(4),
        r.total,
      ]),
    ),
  ]);
}
