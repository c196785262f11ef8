/** Plotly figures of the morphology section: synapse placement, Strahler orders, Sholl profile. */
import type { Data, Layout } from 'plotly.js';
import { histogram, niceBinWidth } from '../../../analysis/morphology/histogram.ts';
import type { ShollProfile } from '../../../analysis/morphology/sholl.ts';
import type { StrahlerRow } from '../../../analysis/morphology/strahler-distribution.ts';
import type { SynapsePlacement } from '../../../analysis/morphology/synapse-placement.ts';

export const PRE_COLOUR = '#d62728';
export const POST_COLOUR = '#1f77b4';

interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

const base = (x: string, y: string): Partial<Layout> => ({
  margin: { l: 60, r: 20, t: 10, b: 50 },
  xaxis: { title: { text: x } },
  yaxis: { title: { text: y } },
  paper_bgcolor: '#ffffff',
  plot_bgcolor: '#ffffff',
  legend: { orientation: 'h', y: 1.1 },
});

/** Pre and post as two histograms over the same bins (µm from the soma). */
export function synapsePlacementFigure(p: SynapsePlacement, originLabel: string): Figure {
  const top = Math.max(0, ...p.pre, ...p.post);
  const width = niceBinWidth(top, 25);
  const bins = Math.floor(top / width) + 1;
  const pre = histogram(p.pre, width, bins);
  const post = histogram(p.post, width, bins);
  const x = pre.edges.map((e) => (e + width / 2) / 1000);
  return {
    data: [
      {
        type: 'bar',
        name: `presynapses (${p.pre.length})`,
        x,
        y: pre.counts,
        marker: { color: PRE_COLOUR },
      },
      {
        type: 'bar',
        name: `postsynapses (${p.post.length})`,
        x,
        y: post.counts,
        marker: { color: POST_COLOUR },
      },
    ],
    layout: {
      ...base(`path distance from the ${originLabel} (µm)`, 'synapses'),
      barmode: 'group',
      bargap: 0.05,
    },
  };
}

export function strahlerFigure(rows: readonly StrahlerRow[]): Figure {
  return {
    data: [
      {
        type: 'bar',
        x: rows.map((r) => r.order),
        y: rows.map((r) => r.cable / 1000),
        text: rows.map((r) => `${r.nodes} nodes`),
        marker: { color: '#2ca02c' },
      },
    ],
    layout: {
      ...base('Strahler order', 'cable (µm)'),
      xaxis: { title: { text: 'Strahler order' }, dtick: 1 },
    },
  };
}

export function shollFigure(p: ShollProfile, originLabel: string): Figure {
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines+markers',
        x: p.radii.map((r) => r / 1000),
        y: p.intersections,
        line: { color: '#9467bd' },
      },
    ],
    layout: base(`radius from the ${originLabel} (µm)`, 'intersections'),
  };
}
