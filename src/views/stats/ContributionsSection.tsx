/**
 * Project contributions over a date range (stats/user-history, split into ≤ 180-day requests):
 * per user and day / week / month, stacked bars + cumulative line, a per-user table, exports.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { userHistoryQuery } from '../../api/user-history.ts';
import {
  binHistory,
  HISTORY_METRICS,
  type Granularity,
  type HistoryMetric,
} from '../../analysis/history-bins.ts';
import { historyCsv } from '../../analysis/history-csv.ts';
import { ExportableChart } from '../../components/plots/ExportableChart.tsx';
import { categoricalColor } from '../../lib/colors.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { contributionsFigure } from './contributions-figure.ts';
import { DateRangeForm } from './DateRangeForm.tsx';
import { lastDays, type DateRange } from './date-range.ts';
import { UserTotalsTable } from './UserTotalsTable.tsx';
import { useUserNames } from './use-user-names.ts';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';

export function ContributionsSection() {
  const scope = useProjectScope();
  const userName = useUserNames();
  const [range, setRange] = useState<DateRange>(() => lastDays(365));
  const [granularity, setGranularity] = useState<Granularity>('month');
  const [metric, setMetric] = useState<HistoryMetric>('newCable');
  const history = useQuery(userHistoryQuery(scope, range.start, range.end));
  const binned = useMemo(
    () => (history.data ? binHistory(history.data.days, history.data.entries, granularity) : null),
    [history.data, granularity],
  );
  const figure = useMemo(() => {
    if (!binned) return null;
    const color = (u: number) => categoricalColor(binned.userIds.indexOf(u));
    return contributionsFigure(binned, metric, userName, color);
  }, [binned, metric, userName]);

  return (
    <section className="stats-section" aria-labelledby="contrib-title">
      <h2 id="contrib-title">Project contributions</h2>
      <DateRangeForm value={range} onApply={setRange} busy={history.isFetching} />
      <div className="partner-controls">
        <label>
          Per
          <select
            value={granularity}
            onChange={(e) => setGranularity(e.target.value as Granularity)}
          >
            <option value="day">day</option>
            <option value="week">week</option>
            <option value="month">month</option>
          </select>
        </label>
        <label>
          Chart
          <select value={metric} onChange={(e) => setMetric(e.target.value as HistoryMetric)}>
            {HISTORY_METRICS.map((m) => (
              <option key={m.key} value={m.key}>
                {m.label} ({m.unit})
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryErrorMessage query={history} context="User history failed" />
      {history.isPending ? (
        <p role="status">
          Loading history {range.start} – {range.end}…
        </p>
      ) : null}
      {binned && figure ? (
        <>
          <p role="status" aria-label="Contributions summary">
            {range.start} – {range.end}: {binned.userIds.length} active users
          </p>
          <ExportableChart
            name="contributions chart"
            fileBase={`contributions-${range.start}-${range.end}`}
            data={figure.data}
            layout={figure.layout}
            csv={() => historyCsv(binned, userName)}
          />
          <UserTotalsTable
            binned={binned}
            userName={userName}
            fileBase={`contributions-totals-${range.start}-${range.end}`}
          />
        </>
      ) : null}
    </section>
  );
}
