/** One direction's partner table with its summary, CSV export and "add to selection". */
import { useMemo, useState } from 'react';
import type { PartnerRow, PartnerTable } from '../../analysis/partner-table.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { partnerColumns } from './partner-columns.tsx';
import { formatCount } from '../../lib/format.ts';

interface Props {
  direction: 'upstream' | 'downstream';
  table: PartnerTable;
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
  reviewed: ReadonlyMap<number, number>;
  onAdd: (ids: number[]) => void;
  onShow3d: (row: PartnerRow) => void;
  busy3d: boolean;
  /** A heading other than Upstream/Downstream partners (reciprocal link types). */
  title?: string;
}

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
  const model = useDataTable({
    data: table.rows,
    columns,
    getRowId: (r) => r.partnerId,
    initialSort: { id: 'total', desc: true },
  });
  const shownIds = table.rows.map((r) => r.partnerId);
  const picked = shownIds.filter((id) => checked.has(id));
  const title = p.title ?? (direction === 'upstream' ? 'Upstream partners' : 'Downstream partners');
  const toggle = (id: number, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    setChecked(next);
  };
  return (
    <section className="partner-section" aria-labelledby={`${direction}-title`}>
      <div className="section-bar">
        <h2 id={`${direction}-title`}>{title}</h2>
        <p role="status" aria-label={`${title} summary`}>
          {formatCount(table.rows.length)} partners · {formatCount(table.total)} synapses
        </p>
        <button type="button" disabled={picked.length === 0} onClick={() => p.onAdd(picked)}>
          Add {picked.length || ''} to selection
        </button>
        <ExportBar
          name={`${direction} partners`}
          fileBase={`${direction}-partners`}
          actions={{ csv: () => tableCsv(columns, displayedRows(model)) }}
        />
      </div>
      <DataTable
        table={model}
        label={title}
        selection={{
          isSelected: (r) => checked.has(r.partnerId),
          onToggle: (r, _i, on) => toggle(r.partnerId, on),
          rowLabel: (r) => r.name,
          selectAll: {
            label: 'Select all rows',
            checked: shownIds.length > 0 && picked.length === shownIds.length,
            disabled: shownIds.length === 0,
            onChange: (on) => setChecked(on ? new Set(shownIds) : new Set()),
          },
        }}
        rowProps={(r) => ({ current: p.colors.has(r.partnerId) })}
        empty="No partner passes the filters."
      />
    </section>
  );
}
