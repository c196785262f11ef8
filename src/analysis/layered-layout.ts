/**
 * Positions for a left-to-right layered drawing (path graphs: A on the left, B on the right;
 * neighbourhoods: seeds, then hop 1, hop 2, …). Columns are evenly spaced; within a column the
 * neurons are ordered by the mean row of their neighbours in the column before (one barycentre
 * sweep, which removes most crossings in small circuits), ties by id. Deterministic.
 */
import { LAYOUT_MARGIN, type GraphEdge, type LaidOutNode } from './graph-layout.ts';

export function layeredLayout(
  layers: ReadonlyMap<number, number>,
  edges: readonly GraphEdge[],
  width: number,
  height: number,
  margin = { x: LAYOUT_MARGIN.x + 60, y: LAYOUT_MARGIN.y },
): LaidOutNode[] {
  const columns = new Map<number, number[]>();
  for (const [id, layer] of layers) {
    const col = columns.get(layer) ?? [];
    col.push(id);
    columns.set(layer, col);
  }
  const order = [...columns.keys()].sort((a, b) => a - b);
  const last = Math.max(1, order[order.length - 1] ?? 1);
  const rowOf = new Map<number, number>();
  const out: LaidOutNode[] = [];
  for (const layer of order) {
    const ids = (columns.get(layer) ?? []).sort((a, b) => a - b);
    const centre = (id: number) => {
      const rows = edges
        .filter((e) => e.target === id && rowOf.has(e.source))
        .map((e) => rowOf.get(e.source) ?? 0);
      return rows.length ? rows.reduce((s, r) => s + r, 0) / rows.length : Infinity;
    };
    const keyed = ids.map((id) => ({ id, c: centre(id) }));
    keyed.sort((a, b) => a.c - b.c || a.id - b.id);
    const n = keyed.length;
    keyed.forEach(({ id }, i) => {
      const frac = n === 1 ? 0.5 : i / (n - 1);
      rowOf.set(id, frac);
      out.push({
        id,
        x: margin.x + ((width - 2 * margin.x) * layer) / last,
        y: margin.y + (height - 2 * margin.y) * frac,
      });
    });
  }
  return out;
}
