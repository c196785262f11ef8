/** "Who built these neurons": table columns, footer totals and CSV columns in one list. */
import type { UserContribution } from '../../analysis/contributions.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { formatFixed, roundTo } from '../../lib/format.ts';

export type ContributionRow = UserContribution & { user: string; share: number };

type Key = 'nodes' | 'cable' | 'pre' | 'post' | 'reviews' | 'share';
const sum = (rows: readonly ContributionRow[], k: Key) => rows.reduce((s, r) => s + r[k], 0);

const num = (id: Key, header: string, csv: string, digits = 0, csvDigits = digits) =>
  column<ContributionRow>({
    id,
    header,
    numeric: true,
    width: '7rem',
    value: (r) => r[id],
    format: (n) => formatFixed(n, digits),
    csv: { header: csv, value: (r) => roundTo(r[id], csvDigits) },
    total: (rows) => roundTo(sum(rows, id), csvDigits),
  });

export const contributionColumns: TableColumn<ContributionRow>[] = [
  column<ContributionRow>({
    id: 'userId',
    header: 'User id',
    value: (r) => r.userId,
    csv: 'user_id',
    csvOnly: true,
  }),
  column<ContributionRow>({
    id: 'user',
    header: 'User',
    width: 'auto',
    value: (r) => r.user,
    csv: 'user',
    footerLabel: 'Total',
  }),
  num('nodes', 'Nodes', 'nodes'),
  num('share', 'Nodes %', 'nodes_percent', 1, 2),
  num('cable', 'Cable (µm)', 'cable_um', 1, 3),
  num('pre', 'Presynapses', 'presynapses'),
  num('post', 'Postsynapses', 'postsynapses'),
  num('reviews', 'Reviews', 'reviews'),
];
