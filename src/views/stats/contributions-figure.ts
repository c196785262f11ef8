/** Stacked bars per user for one metric, plus the cumulative total as a line (right axis). */
import type { Data, Layout } from 'plotly.js';
import {
  HISTORY_METRICS,
  type BinnedHistory,
  type HistoryMetric,
} from '../../analysis/history-bins.ts';

export function contributionsFigure(
  h: BinnedHistory,
  metric: HistoryMetric,
  userName: (id: number) => string,
  userColor: (id: number) => string,
): { data: Data[]; layout: Partial<Layout> } {
  const meta = HISTORY_METRICS.find((m) => m.key === metric) ?? HISTORY_METRICS[0];
  const bars: Data[] = h.userIds.map((u, i) => ({
    type: 'bar',
    name: userName(u),
    x: h.bins,
    y: h.values[metric][i] ?? [],
    marker: { color: userColor(u) },
  }));
  let running = 0;
  const cumulative = h.bins.map((_, b) => {
    for (const row of h.values[metric]) running += row[b] ?? 0;
    return running;
  });
  const line: Data = {
    type: 'scatter',
    mode: 'lines',
    name: 'cumulative (all users)',
    x: h.bins,
    y: cumulative,
    yaxis: 'y2',
    line: { color: '#1d232a', width: 2 },
  };
  return {
    data: [...bars, line],
    layout: {
      barmode: 'stack',
      margin: { l: 70, r: 70, t: 20, b: 60 },
      xaxis: { type: 'category', title: { text: 'period' } },
      yaxis: { title: { text: `${meta?.label ?? metric} (${meta?.unit ?? ''})` } },
      yaxis2: {
        overlaying: 'y',
        side: 'right',
        title: { text: 'cumulative' },
        rangemode: 'tozero',
      },
      legend: { orientation: 'h', y: -0.2 },
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
    },
  };
}
