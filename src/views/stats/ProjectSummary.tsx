/**
 * Project summary: neurons, nodes, connectors, cable (stats/aggregates), users who created
 * nodes (stats/nodecount) and monthly activity over the last two years (stats/user-history).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { aggregatesQuery, nodeCountsQuery } from '../../api/stats-summary.ts';
import { userHistoryQuery } from '../../api/user-history.ts';
import { binHistory } from '../../analysis/history-bins.ts';
import { historyTotalsCsv } from '../../analysis/history-csv.ts';
import { ExportableChart } from '../../components/plots/ExportableChart.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { lastDays } from './date-range.ts';
import { activityFigure } from './activity-figure.ts';
import { formatUpTo } from '../../lib/format.ts';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined ? '—' : formatUpTo(n, digits);

export function ProjectSummary() {
  const scope = useProjectScope();
  const aggregates = useQuery(aggregatesQuery(scope));
  const nodeCounts = useQuery(nodeCountsQuery(scope));
  const range = useMemo(() => lastDays(730), []);
  const history = useQuery(userHistoryQuery(scope, range.start, range.end));
  const monthly = useMemo(
    () => (history.data ? binHistory(history.data.days, history.data.entries, 'month') : null),
    [history.data],
  );
  const figure = useMemo(() => (monthly ? activityFigure(monthly) : null), [monthly]);
  const a = aggregates.data;
  const tracers = nodeCounts.data
    ? [...nodeCounts.data.values()].filter((n) => n > 0).length
    : null;
  return (
    <section className="stats-section" aria-labelledby="summary-title">
      <h2 id="summary-title">Project summary</h2>
      <QueryErrorMessage query={aggregates} context="Project totals failed" />
      <QueryErrorMessage query={nodeCounts} context="Node counts failed" />
      <dl className="summary-cards" aria-label="Project totals">
        <div>
          <dt>Neurons</dt>
          <dd>{fmt(a?.skeletons)}</dd>
        </div>
        <div>
          <dt>Nodes</dt>
          <dd>{fmt(a?.nodes)}</dd>
        </div>
        <div>
          <dt>Connectors</dt>
          <dd>{fmt(a?.connectors)}</dd>
        </div>
        <div>
          <dt>Cable</dt>
          <dd>{a?.cableLength == null ? '—' : `${fmt(a.cableLength / 1e6, 1)} mm`}</dd>
        </div>
        <div>
          <dt>Users who traced</dt>
          <dd>{fmt(tracers)}</dd>
        </div>
      </dl>
      <QueryErrorMessage query={history} context="Activity failed" />
      {monthly && figure ? (
        <ExportableChart
          name="activity chart"
          fileBase="project-activity"
          data={figure.data}
          layout={figure.layout}
          height={320}
          csv={() => historyTotalsCsv(monthly)}
        />
      ) : history.isPending ? (
        <p role="status">Loading activity…</p>
      ) : null}
    </section>
  );
}
