import type { UserContribution } from '../../analysis/contributions.ts';
import type { Column } from '../../components/table/column.ts';

export type ContributionRow = UserContribution & { user: string; share: number };

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const num = (
  id: 'nodes' | 'cable' | 'pre' | 'post' | 'reviews' | 'share',
  header: string,
  digits = 0,
): Column<ContributionRow> => ({
  id,
  header,
  numeric: true,
  width: 'minmax(6.5rem, 1fr)',
  sortValue: (r) => r[id],
  cell: (r) => fmt(r[id], digits),
});

export const contributionColumns: Column<ContributionRow>[] = [
  {
    id: 'user',
    header: 'User',
    width: 'minmax(9rem, 2fr)',
    sortValue: (r) => r.user,
    cell: (r) => r.user,
  },
  num('nodes', 'Nodes'),
  num('share', 'Nodes %', 1),
  num('cable', 'Cable (µm)', 1),
  num('pre', 'Presynapses'),
  num('post', 'Postsynapses'),
  num('reviews', 'Reviews'),
];
