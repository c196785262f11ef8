/**
 * Time invested per user on the selection, computed as pymaid's get_time_invested (§6.4), with
 * its two parameters adjustable. Loads every node's history, so it runs on request.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { timeInvestedDataQuery } from '../../api/time-invested-input.ts';
import { computeTimeInvested, type TimeInvestedRow } from '../../analysis/time-invested.ts';
import { ExportableChart } from '../../components/plots/ExportableChart.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { timeInvestedFigure } from './time-invested-figure.ts';
import { userColumns } from './user-columns.ts';
import { useUserNames } from './use-user-names.ts';
import { formatCount } from '../../lib/format.ts';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';

type Row = TimeInvestedRow & { user: string };
const minutes = (id: 'total' | 'creation' | 'edition' | 'review', header: string) =>
  column<Row>({
    id,
    header,
    numeric: true,
    width: '8rem',
    value: (r) => r[id],
    format: (n) => `${formatCount(n)} min`,
    csv: `${id}_minutes`,
  });
const columns: TableColumn<Row>[] = [
  ...userColumns<Row>(),
  column<Row>({
    id: 'actions',
    header: 'Actions',
    numeric: true,
    width: '7rem',
    value: (r) => r.actions,
    csv: 'actions',
  }),
  minutes('total', 'Total'),
  minutes('creation', 'Creation'),
  minutes('edition', 'Edition'),
  minutes('review', 'Review'),
];

export function TimeInvestedSection({ ids }: { ids: readonly number[] }) {
  const scope = useProjectScope();
  const userName = useUserNames();
  const [requested, setRequested] = useState(false);
  const [minimumActions, setMinimumActions] = useState(10);
  const [maxInactive, setMaxInactive] = useState(3);
  const input = useQuery({ ...timeInvestedDataQuery(scope, ids), enabled: requested });
  const rows: Row[] = useMemo(
    () =>
      input.data
        ? computeTimeInvested(input.data, { minimumActions, maxInactiveMinutes: maxInactive }).map(
            (r) => ({ ...r, user: userName(r.userId) }),
          )
        : [],
    [input.data, minimumActions, maxInactive, userName],
  );
  const figure = useMemo(() => timeInvestedFigure(rows), [rows]);
  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (r) => r.userId,
    initialSort: { id: 'total', desc: true },
  });
  const csv = () => tableCsv(columns, displayedRows(table));
  const int = (v: string, min: number) => Math.max(min, Math.floor(Number(v)) || min);

  return (
    <section className="stats-section" aria-labelledby="time-title">
      <h2 id="time-title">Time invested</h2>
      <form
        className="partner-controls"
        aria-label="Time invested parameters"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Minimum actions per minute
          <input
            type="number"
            min={1}
            value={minimumActions}
            onChange={(e) => setMinimumActions(int(e.target.value, 1))}
          />
        </label>
        <label>
          Max inactive time (minutes)
          <input
            type="number"
            min={1}
            value={maxInactive}
            onChange={(e) => setMaxInactive(int(e.target.value, 1))}
          />
        </label>
        {!requested ? (
          <button type="button" onClick={() => setRequested(true)}>
            Compute time invested
          </button>
        ) : null}
        <p className="hint">
          As pymaid get_time_invested: actions in fixed {maxInactive}-minute bins; a bin counts when
          it has ≥ {minimumActions * maxInactive} actions. Total is binned on all actions, so it is
          not the sum of the parts.
        </p>
      </form>
      <QueryErrorMessage query={input} context="Node history failed" />
      {requested && input.isPending ? (
        <p role="status">Loading the history of every node…</p>
      ) : null}
      {input.data ? (
        <>
          <p role="status" aria-label="Time invested summary">
            {rows.length} users with enough activity ·{' '}
            {formatCount(input.data.nodes.nodeIds.length)} nodes and connectors ·{' '}
            {formatCount(input.data.links.connectorIds.length)} links
            {input.data.failedSkeletons.length
              ? ` · ${input.data.failedSkeletons.length} skeletons failed to load`
              : ''}
          </p>
          <DataTable
            table={table}
            label="Time invested per user"
            empty="No user reaches the minimum activity."
          />
          <ExportableChart
            name="time invested chart"
            fileBase="time-invested"
            data={figure.data}
            layout={figure.layout}
            csv={csv}
            height={Math.max(260, 80 + rows.length * 28)}
          />
        </>
      ) : null}
    </section>
  );
}
