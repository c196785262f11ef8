import { describe, expect, it } from 'vitest';
import type { SkeletonSummary } from '../../../../api/skeleton-summary.ts';
import { tableCsvRows } from '../../../../components/table/table-export.ts';
import type { ResultRow } from '../result-row.ts';
import { SEARCH_FACTS, searchFactColumns, type FactContext } from './search-fact-columns.tsx';

const row = (skeletonId: number): ResultRow => ({
  skeletonId,
  neuronId: skeletonId + 1,
  name: `n${skeletonId}`,
  annotations: [],
});

const summaries = new Map<number, SkeletonSummary>([
  [
    1,
    {
      skeletonId: 1,
      nodeCount: 400,
      cableLength: 1,
      createdAt: 0,
      lastEditedAt: 0,
      lastEditorId: 7,
      importedNodes: 300,
    },
  ],
  [
    2,
    {
      skeletonId: 2,
      nodeCount: 10,
      cableLength: 1,
      createdAt: 0,
      lastEditedAt: 0,
      lastEditorId: 8,
      importedNodes: 0,
    },
  ],
]);
const ctx: FactContext = {
  summary: (id) => summaries.get(id),
  login: (id) => (id === 7 ? 'alice' : `user ${id}`),
};

describe('search fact columns', () => {
  it('offers only facts of skeletons/summary', () => {
    expect(SEARCH_FACTS.map((f) => f.id)).toEqual([
      'imported_nodes',
      'imported_percent',
      'last_editor',
    ]);
  });

  it('exports the chosen facts under their shown headers (as the other result columns), blank where the summary is not known', () => {
    const columns = searchFactColumns(['last_editor', 'imported_percent', 'imported_nodes'], ctx);
    expect(tableCsvRows(columns, [row(1), row(2), row(3)])).toEqual([
      ['Imported nodes', 'Imported %', 'Last editor'],
      [300, 75, 'alice'],
      [0, 0, 'user 8'],
      ['', '', ''],
    ]);
    expect(tableCsvRows(searchFactColumns([], ctx), [row(1)])).toEqual([[], []]);
  });
});
