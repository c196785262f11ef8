/**
 * CSV of a similarity matrix: one row per neuron (skeleton id, name, cluster), one column per
 * neuron by skeleton id, scores rounded to 4 decimals; rows and columns in the figure's order.
 */
import { toCsv } from '../../lib/csv.ts';

export interface SimilarityCsvInput {
  ids: readonly number[];
  names: readonly string[];
  /** Square, input order. */
  matrix: readonly (readonly number[])[];
  order: readonly number[];
  clusters: readonly number[] | null;
}

export function similarityCsv(s: SimilarityCsvInput): string {
  const header = ['skeleton_id', 'name', 'cluster', ...s.order.map((i) => String(s.ids[i] ?? ''))];
  const rows = s.order.map((i) => [
    s.ids[i] ?? '',
    s.names[i] ?? '',
    s.clusters ? (s.clusters[i] ?? 0) + 1 : '',
    ...s.order.map((j) => Math.round((s.matrix[i]?.[j] ?? 0) * 1e4) / 1e4),
  ]);
  return toCsv([header, ...rows]);
}
