/** The review time line: percent of the neuron reviewed (whitelist) after each review day. */
import type { Data, Layout } from 'plotly.js';
import type { ReviewStep } from '../../analysis/neuron/review-summary.ts';
import { toCsv } from '../../lib/csv.ts';
import { isoDate, roundTo } from '../../lib/format.ts';

export function reviewTimelineFigure(steps: readonly ReviewStep[]): {
  data: Data[];
  layout: Partial<Layout>;
} {
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines+markers',
        line: { shape: 'hv', color: '#1f6feb' },
        x: steps.map((s) => isoDate(s.time)),
        y: steps.map((s) => s.percent),
        name: 'reviewed',
      },
    ],
    layout: {
      margin: { l: 60, r: 20, t: 10, b: 50 },
      xaxis: { title: { text: 'Date (UTC)' }, type: 'date' },
      yaxis: { title: { text: 'Reviewed (%)' }, range: [0, 100] },
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
    },
  };
}

export function reviewTimelineCsv(steps: readonly ReviewStep[]): string {
  return toCsv([
    ['date', 'reviewed_percent'],
    ...steps.map((s) => [isoDate(s.time), roundTo(s.percent, 2)]),
  ]);
}
