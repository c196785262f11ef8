/** The Neuron view's per-reviewer table. */
import type { ReviewerShare } from '../../analysis/neuron/review-summary.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { roundedColumn } from '../../components/table/rounded-column.ts';
import { isoDate } from '../../lib/format.ts';
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
  roundedColumn<ReviewerRow>({
    id: 'nodes',
    header: 'Nodes reviewed',
    csv: 'nodes_reviewed',
    width: '8rem',
    value: (r) => r.nodes,
  }),
  roundedColumn<ReviewerRow>({
    id: 'percent',
    header: 'Reviewed %',
    csv: 'reviewed_percent',
    width: '7rem',
    value: (r) => r.percent,
    digits: 1,
    csvDigits: 2,
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
