/**
 * Nodes and cable per Strahler order. A segment (node → parent) counts towards the order of its
 * lower node, so the cable of an order-1 twig up to its branch point is order-1 cable.
 */
import { edgeLength } from './tree.ts';

export interface StrahlerRow {
  order: number;
  nodes: number;
  /** nm */
  cable: number;
}

export function strahlerDistribution(
  parent: Int32Array,
  positions: Float32Array,
  orders: Uint8Array,
): StrahlerRow[] {
  const rows = new Map<number, StrahlerRow>();
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i] ?? 1;
    let row = rows.get(order);
    if (!row) rows.set(order, (row = { order, nodes: 0, cable: 0 }));
    row.nodes++;
    const p = parent[i] ?? -1;
    if (p >= 0) row.cable += edgeLength(positions, i, p);
  }
  return [...rows.values()].sort((a, b) => a.order - b.order);
}
