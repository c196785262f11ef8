/** Per-user totals over the chosen range, with its own CSV. */
import { useMemo } from 'react';
import { toCsv } from '../../lib/csv.ts';
import type { BinnedHistory } from '../../analysis/history-bins.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import type { Column } from '../../components/table/column.ts';
import { DataTable } from '../../components/table/DataTable.tsx';

interface Row {
  userId: number;
  user: string;
  cable: number;
  nodes: number;
  links: number;
  reviews: number;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const num = (id: keyof Row, header: string, digits = 0): Column<Row> => ({
  id,
  header,
  numeric: true,
  width: 'minmax(7rem, 1fr)',
  sortValue: (r) => r[id],
  cell: (r) => fmt(Number(r[id]), digits),
});

const columns: Column<Row>[] = [
  {
    id: 'user',
    header: 'User',
    width: 'minmax(9rem, 2fr)',
    sortValue: (r) => r.user,
    cell: (r) => r.user,
  },
  num('cable', 'New cable (µm)', 1),
  num('nodes', 'New nodes'),
  num('links', 'New synaptic links'),
  num('reviews', 'Reviewed nodes'),
];

export function UserTotalsTable({
  binned,
  userName,
  fileBase,
}: {
  binned: BinnedHistory;
  userName: (id: number) => string;
  fileBase: string;
}) {
  const rows = useMemo(
    () =>
      binned.userIds.map((u, i) => ({
        userId: u,
        user: userName(u),
        cable: binned.totals.newCable[i] ?? 0,
        nodes: binned.totals.newNodes[i] ?? 0,
        links: binned.totals.newLinks[i] ?? 0,
        reviews: binned.totals.reviewedNodes[i] ?? 0,
      })),
    [binned, userName],
  );
  const sum = (k: 'cable' | 'nodes' | 'links' | 'reviews') => rows.reduce((s, r) => s + r[k], 0);
  const csv = () =>
    toCsv([
      ['user_id', 'user', 'new_cable_um', 'new_nodes', 'new_synaptic_links', 'reviewed_nodes'],
      ...rows.map((r) => [
        r.userId,
        r.user,
        Number(r.cable.toFixed(3)),
        r.nodes,
        r.links,
        r.reviews,
      ]),
      ['', 'total', Number(sum('cable').toFixed(3)), sum('nodes'), sum('links'), sum('reviews')],
    ]);
  return (
    <div className="user-totals">
      <ExportBar name="contribution totals" fileBase={fileBase} actions={{ csv }} />
      <DataTable
        label="Contributions per user"
        rows={rows}
        columns={columns}
        rowKey={(r) => r.userId}
        initialSort={{ columnId: 'cable', direction: 'desc' }}
        footer={[
          'Total',
          fmt(sum('cable'), 1),
          fmt(sum('nodes')),
          fmt(sum('links')),
          fmt(sum('reviews')),
        ]}
        empty="No activity in this range."
      />
    </div>
  );
}
