/** The review time line: percent of the neuron reviewed (whitelist) after each review day. */
import type { Data, Layout } from 'plotly.js';
import type { ReviewStep } from '../../analysis/neuron/review-summary.ts';
import { toCsv } from '../../lib/csv.ts';
import { isoDate, roundTo } from '../../lib/format.ts';

const DAY = 86_400_000;

export function reviewTimelineFigure(reviewSteps: readonly ReviewStep[]): {
  data: Data[];
  layout: Partial<Layout>;
} {
  // Start from 0 % the day before the first review, so a single review day still draws a step.
  const first = reviewSteps[0];
  const steps = first ? [{ time: first.time - DAY, percent: 0 }, ...reviewSteps] : [];
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
