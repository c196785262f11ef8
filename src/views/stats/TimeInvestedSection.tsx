/**
 * Time invested per user on the selection, computed as pymaid's get_time_invested (§6.4), with
 * its two parameters adjustable. Loads every node's history, so it runs on request.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { timeInvestedDataQuery } from '../../api/time-invested-input.ts';
import { toCsv } from '../../lib/csv.ts';
import { computeTimeInvested, type TimeInvestedRow } from '../../analysis/time-invested.ts';
import { ExportableChart } from '../../components/plots/ExportableChart.tsx';
import type { Column } from '../../components/table/column.ts';
import { DataTable } from '../../components/table/DataTable.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { timeInvestedFigure } from './time-invested-figure.ts';
import { useUserNames } from './use-user-names.ts';

type Row = TimeInvestedRow & { user: string };
const minutes = (id: 'total' | 'creation' | 'edition' | 'review', header: string): Column<Row> => ({
  id,
  header,
  numeric: true,
  width: 'minmax(7rem, 1fr)',
  sortValue: (r) => r[id],
  cell: (r) => `${r[id].toLocaleString('en-US')} min`,
});
const columns: Column<Row>[] = [
  {
    id: 'user',
    header: 'User',
    width: 'minmax(9rem, 2fr)',
    sortValue: (r) => r.user,
    cell: (r) => r.user,
  },
  {
    id: 'actions',
    header: 'Actions',
    numeric: true,
    width: 'minmax(6rem, 1fr)',
    sortValue: (r) => r.actions,
    cell: (r) => r.actions.toLocaleString('en-US'),
  },
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
  const csv = () =>
    toCsv([
      [
        'user_id',
        'user',
        'actions',
        'total_minutes',
        'creation_minutes',
        'edition_minutes',
        'review_minutes',
      ],
      ...rows.map((r) => [r.userId, r.user, r.actions, r.total, r.creation, r.edition, r.review]),
    ]);
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
      {input.isError ? (
        <ErrorMessage
          error={input.error}
          context="Node history failed"
          onRetry={() => void input.refetch()}
          retrying={input.isFetching}
        />
      ) : null}
      {requested && input.isPending ? (
        <p role="status">Loading the history of every node…</p>
      ) : null}
      {input.data ? (
        <>
          <p role="status" aria-label="Time invested summary">
            {rows.length} users with enough activity ·{' '}
            {input.data.nodes.nodeIds.length.toLocaleString('en-US')} nodes and connectors ·{' '}
            {input.data.links.connectorIds.length.toLocaleString('en-US')} links
            {input.data.failedSkeletons.length
              ? ` · ${input.data.failedSkeletons.length} skeletons failed to load`
              : ''}
          </p>
          <DataTable
            label="Time invested per user"
            rows={rows}
            columns={columns}
            rowKey={(r) => r.userId}
            initialSort={{ columnId: 'total', direction: 'desc' }}
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
