/**
 * Optional "neuron facts" columns of the search results: only the cheap ones, i.e. what
 * `skeletons/summary` answers beside the nodes, cable and dates the table always shows. Facts
 * that need each skeleton's compact-detail (branch points, soma, synapses) or another request per
 * neuron (review %) are not computed for up to 50,000 results: the selection panel has them.
 */
import type { SkeletonSummary } from '../../../../api/skeleton-summary.ts';
import { column, type TableColumn } from '../../../../components/table/define-column.ts';
import { formatCount, formatFixed, roundTo } from '../../../../lib/format.ts';
import type { ResultRow } from '../result-row.ts';

export interface FactContext {
  summary(skeletonId: number): SkeletonSummary | undefined;
  login(userId: number): string;
}

interface SearchFact {
  id: string;
  label: string;
  column(ctx: FactContext): TableColumn<ResultRow>;
}

const importedPercent = (s: SkeletonSummary | undefined): number | undefined =>
  s?.importedNodes === undefined || !s.nodeCount
    ? undefined
    : (100 * s.importedNodes) / s.nodeCount;

const number = (
  id: string,
  header: string,
  read: (s: SkeletonSummary | undefined) => number | undefined,
  format: (n: number) => string,
  csv: (n: number) => number = (n) => n,
): SearchFact => ({
  id,
  label: header,
  column: (ctx) =>
    column<ResultRow>({
      id,
      header,
      width: '7.5rem',
      numeric: true,
      value: (r) => read(ctx.summary(r.skeletonId)),
      cell: (r) => {
        const v = read(ctx.summary(r.skeletonId));
        return v === undefined ? '…' : format(v);
      },
      csv: {
        header,
        value: (r) => {
          const v = read(ctx.summary(r.skeletonId));
          return v === undefined ? '' : csv(v);
        },
      },
    }),
});

const lastEditor = (ctx: FactContext, r: ResultRow): string | undefined => {
  const id = ctx.summary(r.skeletonId)?.lastEditorId;
  return id === undefined ? undefined : ctx.login(id);
};

/** Every optional fact column, in display order. */
export const SEARCH_FACTS: readonly SearchFact[] = [
  number('imported_nodes', 'Imported nodes', (s) => s?.importedNodes, formatCount),
  number(
    'imported_percent',
    'Imported %',
    importedPercent,
    (n) => formatFixed(n, 1),
    (n) => roundTo(n, 2),
  ),
  {
    id: 'last_editor',
    label: 'Last editor',
    column: (ctx) =>
      column<ResultRow>({
        id: 'last_editor',
        header: 'Last editor',
        width: '7.5rem',
        value: (r) => lastEditor(ctx, r),
        cell: (r) => lastEditor(ctx, r) ?? '…',
        csv: { header: 'Last editor', value: (r) => lastEditor(ctx, r) ?? '' },
      }),
  },
];

export function searchFactColumns(
  chosen: readonly string[],
  ctx: FactContext,
): TableColumn<ResultRow>[] {
  return SEARCH_FACTS.filter((f) => chosen.includes(f.id)).map((f) => f.column(ctx));
}
