/** "Who built these neurons": table columns, footer totals and CSV columns in one list. */
import type { UserContribution } from '../../analysis/contributions.ts';
import type { TableColumn } from '../../components/table/define-column.ts';
import { roundedColumn } from '../../components/table/rounded-column.ts';
import { userColumns } from './user-columns.ts';

export type ContributionRow = UserContribution & { user: string; share: number };

type Key = 'nodes' | 'cable' | 'pre' | 'post' | 'reviews' | 'share';
const num = (id: Key, header: string, csv: string, digits = 0, csvDigits = digits) =>
  roundedColumn<ContributionRow>({
    id,
    header,
    csv,
    width: '7rem',
    value: (r) => r[id],
    digits,
    csvDigits,
  });

export const contributionColumns: TableColumn<ContributionRow>[] = [
  ...userColumns<ContributionRow>('Total'),
  num('nodes', 'Nodes', 'nodes'),
  num('share', 'Nodes %', 'nodes_percent', 1, 2),
  num('cable', 'Cable (µm)', 'cable_um', 1, 3),
  num('pre', 'Presynapses', 'presynapses'),
  num('post', 'Postsynapses', 'postsynapses'),
  num('reviews', 'Reviews', 'reviews'),
];
