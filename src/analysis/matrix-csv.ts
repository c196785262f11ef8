/** The adjacency matrix as shown (order and threshold applied): rows presynaptic, columns post. */
import { adjacencyCount, type AdjacencyCounts } from '../api/connectivity-matrix.ts';
import { toCsv } from '../lib/csv.ts';

export function thresholded(
  counts: AdjacencyCounts,
  order: readonly number[],
  threshold: number,
): number[][] {
  return order.map((pre) =>
    order.map((post) => {
      const n = adjacencyCount(counts, pre, post);
      return n >= Math.max(1, threshold) ? n : 0;
    }),
  );
}

export function matrixCsv(
  counts: AdjacencyCounts,
  order: readonly number[],
  names: ReadonlyMap<number, string>,
  threshold: number,
): string {
  const label = (id: number) => `${names.get(id) ?? id} (${id})`;
  const z = thresholded(counts, order, threshold);
  return toCsv([
    ['presynaptic \\ postsynaptic', ...order.map(label)],
    ...order.map((pre, i) => [label(pre), ...(z[i] ?? [])]),
  ]);
}
