/**
 * "Who built these neurons": per user nodes, pre- and postsynaptic links, reviews and cable of
 * the selection, from compact-detail (see analysis/contributions.ts for why), as a table and a
 * chart, both exportable.
 */
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { skeletonQuery } from '../../workers/skeleton-query.ts';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { computeContributions, sumContributions } from '../../analysis/contributions.ts';
import { ExportableChart } from '../../components/plots/ExportableChart.tsx';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { retryFailed } from '../shared/retry-queries.ts';
import { contributionColumns, type ContributionRow } from './contribution-columns.tsx';
import { contributorsFigure } from './contributors-figure.ts';
import { useUserNames } from './use-user-names.ts';
import { formatFixed } from '../../lib/format.ts';

const FLAGS = { withConnectors: true, withReviews: true, withUserInfo: true } as const;
const METRICS = [
  ['cable', 'Cable (µm)'],
  ['nodes', 'Nodes'],
  ['pre', 'Presynapses'],
  ['post', 'Postsynapses'],
  ['reviews', 'Reviews'],
] as const;
type Metric = (typeof METRICS)[number][0];

export function WhoBuiltSection({ ids }: { ids: readonly number[] }) {
  const scope = useProjectScope();
  const userName = useUserNames();
  const [metric, setMetric] = useState<Metric>('cable');
  const results = useQueries({
    queries: ids.map((id) => skeletonQuery(scope, id, FLAGS)),
    combine: (rs) => ({
      data: rs.map((r) => r.data).filter((d): d is SkeletonDetail => d !== undefined),
      pending: rs.filter((r) => r.isPending).length,
      error: rs.find((r) => r.isError)?.error ?? null,
      retrying: rs.some((r) => r.isError && r.isFetching),
      retry: () => retryFailed(...rs),
    }),
  });
  const done = results.pending === 0;
  const rows: ContributionRow[] = useMemo(() => {
    if (!done) return [];
    const c = computeContributions(results.data);
    const total = sumContributions(c).nodes || 1;
    return c.map((r) => ({ ...r, user: userName(r.userId), share: (100 * r.nodes) / total }));
  }, [done, results.data, userName]);
  const total = sumContributions(rows);
  const label = METRICS.find((m) => m[0] === metric)?.[1] ?? metric;
  const byMetric = useMemo(() => [...rows].sort((a, b) => b[metric] - a[metric]), [rows, metric]);
  const chart = useMemo(
    () => contributorsFigure(byMetric, metric, label),
    [byMetric, metric, label],
  );
  const table = useDataTable({
    data: rows,
    columns: contributionColumns,
    getRowId: (r) => r.userId,
    initialSort: { id: 'nodes', desc: true },
  });
  const csv = () => tableCsv(contributionColumns, displayedRows(table));

  return (
    <section className="stats-section" aria-labelledby="who-title">
      <h2 id="who-title">Who built these neurons</h2>
      {results.error ? (
        <ErrorMessage
          error={results.error}
          context="Skeletons failed"
          onRetry={results.retry}
          retrying={results.retrying}
        />
      ) : null}
      {!done ? (
        <p role="status">
          Loading {results.pending} of {ids.length} skeletons…
        </p>
      ) : (
        <>
          <p role="status" aria-label="Who built summary">
            {ids.length} neurons · {rows.length} contributors · {formatFixed(total.nodes)} nodes ·{' '}
            {formatFixed(total.cable, 1)} µm
          </p>
          <ExportBar name="contributors table" fileBase="contributors" actions={{ csv }} />
          <DataTable table={table} label="Contributors of the selection" />
          <label className="chart-pick">
            Chart{' '}
            <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
              {METRICS.map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <ExportableChart
            name="contributors chart"
            fileBase={`contributors-${metric}`}
            height={Math.max(260, 60 + byMetric.length * 26)}
            data={chart.data}
            layout={chart.layout}
          />
        </>
      )}
    </section>
  );
}
