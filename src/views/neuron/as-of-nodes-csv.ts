/**
 * The node classes of the as-of 3D view as CSV: one row per node that existed then or exists
 * now, with its change and its parent and place then and now (empty where it did not exist), so
 * an audit can be checked node by node.
 */
import type { AsOfChanges } from '../../analysis/neuron/as-of-changes.ts';
import type { ArborNode } from '../../analysis/neuron/arbor.ts';
import { toCsv, type CsvValue } from '../../lib/csv.ts';

const HEADER = [
  'node_id',
  'change',
  'parent_then',
  'x_then',
  'y_then',
  'z_then',
  'parent_now',
  'x_now',
  'y_now',
  'z_now',
];

const place = (n: ArborNode | undefined): CsvValue[] =>
  n ? [n.parentId ?? '', n.x, n.y, n.z] : ['', '', '', ''];

export function asOfNodesCsv(
  then: readonly ArborNode[],
  now: readonly ArborNode[],
  changes: AsOfChanges,
): string {
  const thenById = new Map(then.map((n) => [n.nodeId, n]));
  const nowById = new Map(now.map((n) => [n.nodeId, n]));
  const ids = [...changes.nodeChange.keys()].sort((a, b) => a - b);
  return toCsv([
    HEADER,
    ...ids.map((id) => [
      id,
      changes.nodeChange.get(id) ?? '',
      ...place(thenById.get(id)),
      ...place(nowById.get(id)),
    ]),
  ]);
}
