/** Per-user totals over the chosen range, with its own CSV (from the same columns). */
import { useMemo } from 'react';
import type { BinnedHistory } from '../../analysis/history-bins.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import type { TableColumn } from '../../components/table/define-column.ts';
import { roundedColumn } from '../../components/table/rounded-column.ts';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { userColumns } from './user-columns.ts';

interface Row {
  userId: number;
  user: string;
  cable: number;
  nodes: number;
  links: number;
  reviews: number;
}

const num = (
  id: 'cable' | 'nodes' | 'links' | 'reviews',
  header: string,
  csv: string,
  digits = 0,
) =>
  roundedColumn<Row>({
    id,
    header,
    csv,
    width: '9rem',
    value: (r) => r[id],
    digits,
    csvDigits: 3,
  });

const columns: TableColumn<Row>[] = [
  ...userColumns<Row>('Total'),
  num('cable', 'New cable (µm)', 'new_cable_um', 1),
  num('nodes', 'New nodes', 'new_nodes'),
  num('links', 'New synaptic links', 'new_synaptic_links'),
  num('reviews', 'Reviewed nodes', 'reviewed_nodes'),
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
  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (r) => r.userId,
    initialSort: { id: 'cable', desc: true },
  });
  return (
    <div className="user-totals">
      <ExportBar
        name="contribution totals"
        fileBase={fileBase}
        actions={{ csv: () => tableCsv(columns, displayedRows(table)) }}
      />
      <DataTable table={table} label="Contributions per user" empty="No activity in this range." />
    </div>
  );
}
