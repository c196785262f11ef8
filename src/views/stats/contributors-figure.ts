import type { Data, Layout } from 'plotly.js';
import type { ContributionRow } from './contribution-columns.tsx';

/** Horizontal bars, one per user, of one contribution metric. */
export function contributorsFigure(
  rows: readonly ContributionRow[],
  metric: 'cable' | 'nodes' | 'pre' | 'post' | 'reviews',
  label: string,
): { data: Data[]; layout: Partial<Layout> } {
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        x: rows.map((r) => r[metric]),
        y: rows.map((r) => r.user),
        marker: { color: '#1f6feb' },
      },
    ],
    layout: {
      margin: { l: 120, r: 30, t: 10, b: 50 },
      xaxis: { title: { text: label } },
      yaxis: { autorange: 'reversed', type: 'category' },
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
    },
  };
}
