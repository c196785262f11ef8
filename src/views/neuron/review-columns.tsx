/** The Neuron view's per-reviewer table. */
import type { ReviewerShare } from '../../analysis/neuron/review-summary.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { formatFixed, isoDate, roundTo } from '../../lib/format.ts';
import { userColumns } from '../stats/user-columns.ts';

export type ReviewerRow = ReviewerShare & { userId: number; user: string; counted: boolean };

const day = (id: 'first' | 'last', header: string, csv: string) =>
  column<ReviewerRow>({
    id,
    header,
    width: '7.5rem',
    value: (r) => isoDate(r[id]),
    csv,
  });

export const reviewerColumns: TableColumn<ReviewerRow>[] = [
  ...userColumns<ReviewerRow>(),
  // No footer totals: reviewers overlap (two may review the same node), so sums would mislead.
  column<ReviewerRow>({
    id: 'nodes',
    header: 'Nodes reviewed',
    numeric: true,
    width: '8rem',
    value: (r) => r.nodes,
    csv: 'nodes_reviewed',
  }),
  column<ReviewerRow>({
    id: 'percent',
    header: 'Reviewed %',
    numeric: true,
    width: '7rem',
    value: (r) => r.percent,
    format: (n) => formatFixed(n, 1),
    csv: { header: 'reviewed_percent', value: (r) => roundTo(r.percent, 2) },
  }),
  day('first', 'First review', 'first_review'),
  day('last', 'Last review', 'last_review'),
  column<ReviewerRow>({
    id: 'counted',
    header: 'Counts (whitelist)',
    width: '8rem',
    value: (r) => (r.counted ? 'yes' : 'no'),
    csv: 'counted',
  }),
];
