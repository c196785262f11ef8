/**
 * The per-neuron fact columns of the selection's facts table. Each optional column names where
 * its numbers come from: `summary` (skeletons/summary, one batched request), `review`
 * (skeletons/review-status) or `skeleton` (the compact-detail the 3D view loads: only what no
 * summary endpoint answers). Unknown values show as "…" and sort last.
 */
import type { SkeletonFacts } from '../../../analysis/morphology/skeleton-facts.ts';
import type { ReviewStatus } from '../../../api/review-status.ts';
import { reviewedPercent } from '../../../api/review-status.ts';
import type { SkeletonSummary } from '../../../api/skeleton-summary.ts';
import { column, type TableColumn } from '../../../components/table/define-column.ts';
import { formatCount, formatFixed, isoDate, roundTo } from '../../../lib/format.ts';

export interface FactRow {
  skeletonId: number;
  name: string;
  summary: SkeletonSummary | undefined;
  review: ReviewStatus | undefined;
  facts: SkeletonFacts | undefined;
}

export type FactSource = 'summary' | 'review' | 'skeleton';

interface FactColumn {
  id: string;
  label: string;
  source: FactSource;
  column: TableColumn<FactRow>;
}

const SOMA = { tag: 'tag', radius: 'radius', none: 'no' } as const;

const num = (
  id: string,
  header: string,
  source: FactSource,
  value: (r: FactRow) => number | undefined,
  format: (n: number) => string = formatCount,
  csv?: (n: number) => number,
): FactColumn => ({
  id,
  label: header,
  source,
  column: column<FactRow>({
    id,
    header,
    numeric: true,
    width: '6.5rem',
    value,
    cell: (r) => {
      const v = value(r);
      return v === undefined ? '…' : format(v);
    },
    csv: { header: id, value: (r) => (csv ? csv(value(r) ?? Number.NaN) : value(r)) },
  }),
});

/** Every optional column, in display order. */
export const FACT_COLUMNS: readonly FactColumn[] = [
  num('nodes', 'Nodes', 'summary', (r) => r.summary?.nodeCount),
  num(
    'cable_um',
    'Cable (µm)',
    'summary',
    (r) => (r.summary ? r.summary.cableLength / 1000 : undefined),
    (n) => formatFixed(n, 1),
    (n) => roundTo(n, 3),
  ),
  num('branch_points', 'Branch points', 'skeleton', (r) => r.facts?.branchPoints),
  num('end_nodes', 'End nodes', 'skeleton', (r) => r.facts?.leaves),
  {
    id: 'soma',
    label: 'Soma',
    source: 'skeleton',
    column: column<FactRow>({
      id: 'soma',
      header: 'Soma',
      width: '5rem',
      value: (r) => (r.facts ? SOMA[r.facts.soma] : undefined),
      cell: (r) => (r.facts ? SOMA[r.facts.soma] : '…'),
      csv: 'soma',
    }),
  },
  num('presynapses', 'Pre', 'skeleton', (r) => r.facts?.pre),
  num('postsynapses', 'Post', 'skeleton', (r) => r.facts?.post),
  num(
    'reviewed_percent',
    'Review %',
    'review',
    (r) => (r.review ? reviewedPercent(r.review) : undefined),
    (n) => formatFixed(n, 1),
    (n) => roundTo(n, 2),
  ),
  {
    id: 'last_edited',
    label: 'Last edited',
    source: 'summary',
    column: column<FactRow>({
      id: 'last_edited',
      header: 'Last edited',
      width: '7rem',
      value: (r) =>
        r.summary?.lastEditedAt === undefined ? undefined : isoDate(r.summary.lastEditedAt),
      cell: (r) => (r.summary?.lastEditedAt === undefined ? '…' : isoDate(r.summary.lastEditedAt)),
      csv: 'last_edited',
    }),
  },
];

export const DEFAULT_FACT_COLUMNS = ['nodes', 'cable_um', 'reviewed_percent', 'last_edited'];

const nameColumn = column<FactRow>({
  id: 'name',
  header: 'Neuron',
  width: '11rem',
  value: (r) => r.name,
  csv: 'name',
});

const idColumn = column<FactRow>({
  id: 'skeleton_id',
  header: 'Skeleton ID',
  width: '6.5rem',
  numeric: true,
  descFirst: false,
  format: String,
  value: (r) => r.skeletonId,
  csv: 'skeleton_id',
});

export function factTableColumns(chosen: readonly string[]): TableColumn<FactRow>[] {
  const on = new Set(chosen);
  return [nameColumn, idColumn, ...FACT_COLUMNS.filter((c) => on.has(c.id)).map((c) => c.column)];
}
