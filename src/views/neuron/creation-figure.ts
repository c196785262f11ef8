/** Node creation over time per user: one cumulative step line per user, and its CSV. */
import type { Data, Layout } from 'plotly.js';
import type { UserCreationSeries } from '../../analysis/neuron/creation-timeline.ts';
import { toCsv } from '../../lib/csv.ts';
import { isoDate } from '../../lib/format.ts';

export function creationFigure(
  series: readonly UserCreationSeries[],
  userName: (id: number) => string,
): { data: Data[]; layout: Partial<Layout> } {
  return {
    data: series.map((s) => ({
      type: 'scatter',
      mode: 'lines+markers',
      line: { shape: 'hv' },
      name: userName(s.userId),
      x: s.days.map((d) => isoDate(d)),
      y: s.cumulative,
    })),
    layout: {
      margin: { l: 60, r: 20, t: 10, b: 50 },
      xaxis: { title: { text: 'Date (UTC)' }, type: 'date' },
      yaxis: { title: { text: 'Nodes created (cumulative)' }, rangemode: 'tozero' },
      legend: { orientation: 'h' },
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
    },
  };
}

export function creationCsv(
  series: readonly UserCreationSeries[],
  userName: (id: number) => string,
): string {
  const rows: (string | number)[][] = [['user_id', 'user', 'date', 'nodes_created_cumulative']];
  for (const s of series)
    s.days.forEach((d, i) =>
      rows.push([s.userId, userName(s.userId), isoDate(d), s.cumulative[i] ?? 0]),
    );
  return toCsv(rows);
}
