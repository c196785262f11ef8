/** CSV exports of the morphology figures (lengths in µm, rounded to 3 decimals as the tables do). */
import { toCsv, type CsvValue } from '../../lib/csv.ts';
import { roundTo } from '../../lib/format.ts';
import type { Dendrogram } from './dendrogram.ts';
import type { ShollProfile } from './sholl.ts';
import type { StrahlerRow } from './strahler-distribution.ts';
import type { SynapsePlacement } from './synapse-placement.ts';

const um = (nm: number) => roundTo(nm / 1000, 3);

/** One line per synapse: relation and path distance from the soma (root when none). */
export function synapsePlacementCsv(p: SynapsePlacement): string {
  const rows: CsvValue[][] = [['relation', 'path_distance_um']];
  for (const d of p.pre) rows.push(['presynaptic', um(d)]);
  for (const d of p.post) rows.push(['postsynaptic', um(d)]);
  return toCsv(rows);
}

export function strahlerCsv(rows: readonly StrahlerRow[]): string {
  return toCsv([
    ['strahler_order', 'nodes', 'cable_um'],
    ...rows.map((r) => [r.order, r.nodes, um(r.cable)]),
  ]);
}

export function shollCsv(p: ShollProfile): string {
  return toCsv([
    ['radius_um', 'intersections'],
    ...p.radii.map((r, k) => [um(r), p.intersections[k] ?? 0]),
  ]);
}

/** The drawn elements: horizontal stretches, branch verticals and synapses, in layout units. */
export function dendrogramCsv(d: Dendrogram): string {
  const rows: CsvValue[][] = [['element', 'x_from_um', 'x_to_um', 'y_from', 'y_to', 'relation']];
  for (const l of d.lines) rows.push(['stretch', um(l.x0), um(l.x1), l.y, l.y, '']);
  for (const v of d.verticals) rows.push(['branch', um(v.x), um(v.x), v.y0, v.y1, '']);
  for (const s of d.synapses) {
    const relation = s.relation === 'pre' ? 'presynaptic' : 'postsynaptic';
    rows.push(['synapse', um(s.x), um(s.x), s.y, s.y, relation]);
  }
  return toCsv(rows);
}
