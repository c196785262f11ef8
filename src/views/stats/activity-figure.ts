import type { Data, Layout } from 'plotly.js';
import type { BinnedHistory } from '../../analysis/history-bins.ts';

/** Monthly activity of all users: new nodes and reviews (bars), new cable (line, right axis). */
export function activityFigure(h: BinnedHistory): { data: Data[]; layout: Partial<Layout> } {
  const sum = (k: 'newNodes' | 'newCable' | 'reviewedNodes') =>
    h.bins.map((_, b) => h.values[k].reduce((t, row) => t + (row[b] ?? 0), 0));
  return {
    data: [
      {
        type: 'bar',
        name: 'new nodes',
        x: h.bins,
        y: sum('newNodes'),
        marker: { color: '#1f6feb' },
      },
      {
        type: 'bar',
        name: 'reviewed nodes',
        x: h.bins,
        y: sum('reviewedNodes'),
        marker: { color: '#2ca02c' },
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'new cable (µm)',
        x: h.bins,
        y: sum('newCable'),
        yaxis: 'y2',
        line: { color: '#e8a33d' },
      },
    ],
    layout: {
      barmode: 'group',
      margin: { l: 70, r: 70, t: 10, b: 50 },
      xaxis: { type: 'category' },
      yaxis: { title: { text: 'nodes' } },
      yaxis2: {
        overlaying: 'y',
        side: 'right',
        title: { text: 'cable (µm)' },
        rangemode: 'tozero',
      },
      legend: { orientation: 'h', y: -0.25 },
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
    },
  };
}
