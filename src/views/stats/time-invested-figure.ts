import type { Data, Layout } from 'plotly.js';
import type { TimeInvestedRow } from '../../analysis/time-invested.ts';

/** Grouped horizontal bars (hours): total, creation, edition, review per user. */
export function timeInvestedFigure(rows: readonly (TimeInvestedRow & { user: string })[]): {
  data: Data[];
  layout: Partial<Layout>;
} {
  const parts = [
    ['total', 'total', '#1d232a'],
    ['creation', 'creation', '#1f6feb'],
    ['edition', 'edition', '#e8a33d'],
    ['review', 'review', '#2ca02c'],
  ] as const;
  return {
    data: parts.map(([key, name, color]) => ({
      type: 'bar',
      orientation: 'h',
      name,
      x: rows.map((r) => r[key] / 60),
      y: rows.map((r) => r.user),
      marker: { color },
    })),
    layout: {
      barmode: 'group',
      margin: { l: 120, r: 30, t: 10, b: 50 },
      xaxis: { title: { text: 'hours' } },
      yaxis: { autorange: 'reversed', type: 'category' },
      legend: { orientation: 'h', y: -0.15 },
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
    },
  };
}
