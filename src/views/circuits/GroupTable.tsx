/** One direction's partners collapsed by group; a group expands to its neurons. */
import { useMemo, useState } from 'react';
import type { PartnerGroup } from '../../analysis/grouped-partners.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { formatCount } from '../../lib/format.ts';
import { groupColumns, groupMemberColumns } from './group-columns.tsx';

interface Props {
  title: string;
  groups: readonly PartnerGroup[];
  onAdd: (ids: number[]) => void;
}

const memberColumns = groupMemberColumns();

export function GroupTable({ title, groups, onAdd }: Props) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const columns = useMemo(() => groupColumns(expanded, setExpanded), [expanded]);
  const model = useDataTable({
    data: groups,
    columns,
    getRowId: (g) => g.group,
    initialSort: { id: 'synapses', desc: true },
  });
  const open = groups.find((g) => g.group === expanded);
  const members = useDataTable({
    data: open?.partners ?? [],
    columns: memberColumns,
    getRowId: (r) => r.partnerId,
    initialSort: { id: 'total', desc: true },
  });
  const synapses = groups.reduce((s, g) => s + g.synapses, 0);
  return (
    <section className="partner-section" aria-label={title}>
      <div className="section-bar">
        <h2>{title}</h2>
        <p role="status" aria-label={`${title} summary`}>
          {formatCount(groups.length)} {groups.length === 1 ? 'group' : 'groups'} ·{' '}
          {formatCount(synapses)} synapses
        </p>
        <ExportBar
          name={title}
          fileBase={title.toLowerCase().replace(/\W+/g, '-')}
          actions={{ csv: () => tableCsv(columns, displayedRows(model)) }}
        />
      </div>
      <DataTable
        table={model}
        label={title}
        maxHeight={320}
        empty="No partner passes the filters."
      />
      {open ? (
        <div className="group-members" aria-label={`${open.group} neurons`} role="region">
          <div className="section-bar">
            <h3>
              {open.group}: {open.partners.length} neurons
            </h3>
            <button type="button" onClick={() => onAdd(open.partners.map((r) => r.partnerId))}>
              Add {open.group} to the selection
            </button>
          </div>
          <DataTable table={members} label={`${open.group} neurons`} maxHeight={260} />
        </div>
      ) : null}
    </section>
  );
}
