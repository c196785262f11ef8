import { describe, expect, it } from 'vitest';
import type { SkeletonSummary } from '../../../api/skeleton-summary.ts';
import { resultColumns } from './results-columns.tsx';
import type { ResultRow } from './result-row.ts';
import { sortRowsBy } from './use-sorted-rows.ts';

const row = (skeletonId: number, name: string): ResultRow => ({
  skeletonId,
  neuronId: skeletonId + 1,
  name,
  annotations: [],
});

describe('sortRowsBy (the sort of long result lists, in time slices)', () => {
  const rows = [row(1, 'PN 10'), row(2, 'pn 9'), row(3, 'APL'), row(4, 'PN 9')];

  it('sorts names like the table: numeric collation, case-insensitive ties in server order', async () => {
    const ctx = { summaries: undefined, creators: new Map<number, string>() };
    const columns = resultColumns(ctx, ctx, new Set());
    const asc = await sortRowsBy(
      rows,
      columns,
      { column: 'name', dir: 'asc' },
      new AbortController().signal,
    );
    expect(asc.map((r) => r.skeletonId)).toEqual([3, 2, 4, 1]);
    const desc = await sortRowsBy(
      rows,
      columns,
      { column: 'name', dir: 'desc' },
      new AbortController().signal,
    );
    expect(desc.map((r) => r.skeletonId)).toEqual([1, 2, 4, 3]);
  });

  it('keeps rows without a value last in both directions', async () => {
    const summaries = new Map<number, SkeletonSummary>(
      [1, 3].map((id) => [id, { nodeCount: id * 10 } as SkeletonSummary]),
    );
    const ctx = { summaries, creators: new Map<number, string>() };
    const columns = resultColumns(ctx, ctx, new Set());
    const signal = new AbortController().signal;
    const asc = await sortRowsBy(rows, columns, { column: 'nodes', dir: 'asc' }, signal);
    expect(asc.map((r) => r.skeletonId)).toEqual([1, 3, 2, 4]);
    const desc = await sortRowsBy(rows, columns, { column: 'nodes', dir: 'desc' }, signal);
    expect(desc.map((r) => r.skeletonId)).toEqual([3, 1, 2, 4]);
  });
});
