/** One direction's partner table with its summary, CSV export and "add to selection". */
import { useMemo, useState } from 'react';
import { partnerTableCsv } from '../../analysis/partner-csv.ts';
import type { PartnerRow, PartnerTable } from '../../analysis/partner-table.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { partnerColumns } from './partner-columns.tsx';

interface Props {
  direction: 'upstream' | 'downstream';
  table: PartnerTable;
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
  reviewed: ReadonlyMap<number, number>;
  onAdd: (ids: number[]) => void;
  onShow3d: (row: PartnerRow) => void;
  busy3d: boolean;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function PartnerTableSection(p: Props) {
  const { table, direction } = p;
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const columns = useMemo(
    () =>
      partnerColumns({
        sources: table.sources,
        names: p.names,
        colors: p.colors,
        reviewed: p.reviewed,
        onShow3d: p.onShow3d,
        busy: p.busy3d,
      }),
    [table.sources, p.names, p.colors, p.reviewed, p.onShow3d, p.busy3d],
  );
  const shown = new Set(table.rows.map((r) => r.partnerId));
  const picked = [...checked].filter((id) => shown.has(id));
  const title = direction === 'upstream' ? 'Upstream partners' : 'Downstream partners';
  const footer = ['Total', '', ...table.columnTotals.map(fmt), fmt(table.total), '', '', ''];
  return (
    <section className="partner-section" aria-labelledby={`${direction}-title`}>
      <div className="section-bar">
        <h2 id={`${direction}-title`}>{title}</h2>
        <p role="status" aria-label={`${title} summary`}>
          {fmt(table.rows.length)} partners · {fmt(table.total)} synapses
        </p>
        <button type="button" disabled={picked.length === 0} onClick={() => p.onAdd(picked)}>
          Add {picked.length || ''} to selection
        </button>
        <ExportBar
          name={`${direction} partners`}
          fileBase={`${direction}-partners`}
          actions={{ csv: () => partnerTableCsv(table, p.names, p.reviewed) }}
        />
      </div>
      <DataTable
        label={title}
        rows={table.rows}
        columns={columns}
        rowKey={(r) => r.partnerId}
        initialSort={{ columnId: 'total', direction: 'desc' }}
        footer={footer}
        selected={checked}
        onSelectedChange={setChecked}
        rowLabel={(r) => r.name}
        isCurrent={(r) => p.colors.has(r.partnerId)}
        empty="No partner passes the filters."
      />
    </section>
  );
}
