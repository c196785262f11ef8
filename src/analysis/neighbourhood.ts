/**
 * N-hop neighbourhood (CATMAID `graph/circlesofhell`, pymaid `get_nth_partners`), computed from
 * partner tables so every hop can have its own threshold: a neuron joins hop k+1 when it has at
 * least `minSynapses[k]` synapses (of confidence ≥ minConfidence) with one single neuron of hop k
 * (CATMAID's rule: "onto some single member of the current circle", not summed over the circle).
 * Neurons already in an earlier hop (or the seeds) never join again.
 */
import type { PartnerRecord } from '../api/connectivity.ts';
import { countAtConfidence } from './partner-table.ts';
import { toCsv } from '../lib/csv.ts';

export type Direction = 'upstream' | 'downstream';

export interface HopMember {
  id: number;
  /** Synapses with the hop before (summed over its neurons). */
  synapses: number;
  /** The strongest single connection that let it in. */
  strongest: number;
  /** Its connections with the hop before: [neuron of that hop, synapses]. */
  from: [number, number][];
}

export interface Hop {
  /** 1 = direct partners of the seeds. */
  hop: number;
  members: HopMember[];
}

/** The next circle from one side (upstream or downstream) of the current circle's partners. */
export function nextCircle(
  partners: readonly PartnerRecord[],
  current: readonly number[],
  minSynapses: number,
  excluded: ReadonlySet<number>,
  minConfidence = 1,
): HopMember[] {
  const min = Math.max(1, minSynapses);
  const out: HopMember[] = [];
  for (const p of partners) {
    if (excluded.has(p.partnerId)) continue;
    let synapses = 0;
    let strongest = 0;
    const from: [number, number][] = [];
    for (const member of current) {
      const n = countAtConfidence(p.bins.get(member), minConfidence);
      if (n === 0) continue;
      synapses += n;
      strongest = Math.max(strongest, n);
      from.push([member, n]);
    }
    if (strongest >= min) out.push({ id: p.partnerId, synapses, strongest, from });
  }
  return out.sort((a, b) => b.synapses - a.synapses || a.id - b.id);
}

/** Upstream or downstream partner records of a set (one `skeletons/connectivity` call). */
export type PartnerFetch = (ids: readonly number[]) => Promise<readonly PartnerRecord[]>;

export async function expandNeighbourhood(
  seeds: readonly number[],
  minSynapsesPerHop: readonly number[],
  fetchSide: PartnerFetch,
  minConfidence = 1,
): Promise<Hop[]> {
  const seen = new Set(seeds);
  const hops: Hop[] = [];
  let current = [...new Set(seeds)];
  for (let k = 0; k < minSynapsesPerHop.length && current.length > 0; k++) {
    const partners = await fetchSide(current);
    const members = nextCircle(partners, current, minSynapsesPerHop[k] ?? 1, seen, minConfidence);
    for (const m of members) seen.add(m.id);
    hops.push({ hop: k + 1, members });
    current = members.map((m) => m.id);
  }
  return hops;
}

export function neighbourhoodCsv(
  hops: readonly Hop[],
  direction: string,
  names: ReadonlyMap<number, string>,
): string {
  return toCsv([
    ['direction', 'hop', 'skeleton id', 'name', 'synapses with previous hop', 'strongest single'],
    ...hops.flatMap((h) =>
      h.members.map((m) => [
        direction,
        h.hop,
        m.id,
        names.get(m.id) ?? '',
        m.synapses,
        m.strongest,
      ]),
    ),
  ]);
}
