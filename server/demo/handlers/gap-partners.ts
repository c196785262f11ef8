/**
 * The gap-junction side of skeletons/connectivity (`link_types[]=gapjunction`), of
 * connector/list/many_to_many (`relation=gapjunction_with`) and the gap-junction row of
 * connectors/types. CATMAID pairs every `gapjunction_with` link with the other
 * `gapjunction_with` links of the same connector (t1.id != t2.id), so each junction counts once
 * for each of its two neurons, with confidence min(link confidences).
 */
import { f32 } from '../http/float32.ts';
import { gapJunctions, type GapJunction } from '../data/gap-junctions.ts';
import type { ProjectIndex } from '../data/project-index.ts';

const GAP_JUNCTION_RELATION_ID = 14;

export const gapJunctionType = {
  name: 'Gap junction',
  type: 'Gap junction',
  type_id: 'gapjunction-connector',
  relation: 'gapjunction_with',
  relation_id: GAP_JUNCTION_RELATION_ID,
  isreciprocal: true,
  cardinality: 2,
  partner_reference: 'gapjunction',
  partner_relation: 'gapjunction_with',
};

interface Partner {
  num_nodes: number;
  skids: Record<string, number[]>;
  links?: number[][];
}

/** Each junction seen from the side at `own` (0 or 1). */
function eachSide(p: ProjectIndex, fn: (g: GapJunction, own: 0 | 1) => void): void {
  for (const g of gapJunctions(p)) {
    fn(g, 0);
    fn(g, 1);
  }
}

export function gapJunctionPartners(
  p: ProjectIndex,
  sources: readonly (readonly [number, number])[],
  withNodes: boolean,
): Map<number, Partner> {
  const bySkel = new Map(sources.map(([id, s]) => [s, id]));
  const partners = new Map<number, Partner>();
  eachSide(p, (g, own) => {
    const srcId = bySkel.get(g.skels[own]);
    if (srcId === undefined) return;
    const other = own === 0 ? 1 : 0;
    const ps = g.skels[other];
    let entry = partners.get(ps);
    if (!entry) {
      const [n0, n1] = p.nodeRange(ps);
      entry = { num_nodes: n1 - n0, skids: {} };
      if (withNodes) entry.links = [];
      partners.set(ps, entry);
    }
    const hist = (entry.skids[srcId] ??= [0, 0, 0, 0, 0]);
    hist[g.confidence - 1] = (hist[g.confidence - 1] ?? 0) + 1;
    entry.links?.push([p.nodeId(g.nodes[own]), p.nodeId(g.nodes[other]), srcId, g.connectorId]);
  });
  return partners;
}

/** many_to_many rows for `relation=gapjunction_with` (12 fields, as for synapses). */
export function gapJunctionRows(
  p: ProjectIndex,
  skids1: readonly number[],
  skids2: ReadonlySet<number>,
): unknown[] {
  const a = p.a;
  const pos = (i: number): number[] => [f32(a.x[i] ?? 0), f32(a.y[i] ?? 0), f32(a.z[i] ?? 0)];
  const wanted = new Set(skids1);
  const rows: unknown[] = [];
  eachSide(p, (g, own) => {
    const other = own === 0 ? 1 : 0;
    const id1 = p.neuron(g.skels[own]).skeletonId;
    const id2 = p.neuron(g.skels[other]).skeletonId;
    if (!wanted.has(id1) || !skids2.has(id2)) return;
    const n1 = g.nodes[own];
    const n2 = g.nodes[other];
    rows.push([
      g.connectorId,
      [f32(g.x), f32(g.y), f32(g.z)],
      p.nodeId(n1),
      id1,
      g.confidence,
      a.creator[n1] ?? 0,
      pos(n1),
      p.nodeId(n2),
      id2,
      g.confidence,
      a.creator[n2] ?? 0,
      pos(n2),
    ]);
  });
  return rows;
}
