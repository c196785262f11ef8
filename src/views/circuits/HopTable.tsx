/** One hop of a neighbourhood: its neurons, "add to the selection" and CSV. */
import { useMemo } from 'react';
import type { Hop } from '../../analysis/neighbourhood.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { formatCount } from '../../lib/format.ts';
import { hopColumns } from './hop-columns.tsx';

interface Props {
  hop: Hop;
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
  onAdd: (ids: number[]) => void;
}

export function HopTable({ hop, names, colors, onAdd }: Props) {
  const columns = useMemo(() => hopColumns(names, colors), [names, colors]);
  const model = useDataTable({
    data: hop.members,
    columns,
    getRowId: (m) => m.id,
    initialSort: { id: 'synapses', desc: true },
  });
  const title = `Hop ${hop.hop}`;
  return (
    <section className="hop-section" aria-label={title}>
      <div className="section-bar">
        <h2>{title}</h2>
        <p role="status" aria-label={`${title} summary`}>
          {formatCount(hop.members.length)} neurons
        </p>
        <button
          type="button"
          disabled={hop.members.length === 0}
          onClick={() => onAdd(hop.members.map((m) => m.id))}
        >
          Add hop {hop.hop} to the selection
        </button>
        <ExportBar
          name={`hop ${hop.hop}`}
          fileBase={`neighbourhood-hop-${hop.hop}`}
          actions={{ csv: () => tableCsv(columns, displayedRows(model)) }}
        />
      </div>
      <DataTable
        table={model}
        label={title}
        maxHeight={260}
        empty="No neuron passes the threshold."
      />
    </section>
  );
}
