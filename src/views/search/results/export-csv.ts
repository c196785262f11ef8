/** CSV of exactly the rows (in display order) and columns the results table shows. */
import { toCsv } from '../../../lib/csv.ts';
import { resultColumns, type ColumnContext } from './results-columns.tsx';
import type { ResultRow } from './result-row.ts';

export function resultsCsv(
  rows: readonly ResultRow[],
  ctx: ColumnContext,
  inSelection: ReadonlySet<number>,
): string {
  return toCsv([
    [...resultColumns.map((c) => c.label), 'In selection'],
    ...rows.map((row) => [
      ...resultColumns.map((c) => c.value(row, ctx)),
      inSelection.has(row.skeletonId) ? 'yes' : 'no',
    ]),
  ]);
}
