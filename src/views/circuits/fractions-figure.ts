/** Stacked horizontal bars of each neuron's synapse fractions by partner group (plotly). */
import type { Data, Layout } from 'plotly.js';
import { OTHER_GROUP, type NeuronFractions } from '../../analysis/grouped-partners.ts';
import { schemeColor } from '../../state/selection-schemes.ts';

/** Groups in legend order: most synapses over all neurons first, "other" last. */
export function groupOrder(rows: readonly NeuronFractions[]): string[] {
  const sums = new Map<string, number>();
  for (const r of rows)
    for (const b of r.bins) sums.set(b.group, (sums.get(b.group) ?? 0) + b.synapses);
  return [...sums]
    .sort(
      (a, b) =>
        Number(a[0] === OTHER_GROUP) - Number(b[0] === OTHER_GROUP) ||
        b[1] - a[1] ||
        a[0].localeCompare(b[0]),
    )
    .map(([g]) => g);
}

export function fractionsFigure(
  rows: readonly NeuronFractions[],
  names: ReadonlyMap<number, string>,
  direction: string,
): { data: Data[]; layout: Partial<Layout> } {
  const labels = rows.map((r) => `${names.get(r.skeletonId) ?? r.skeletonId} (${r.total})`);
  const data: Data[] = groupOrder(rows).map((group, i) => ({
    type: 'bar',
    orientation: 'h',
    name: group,
    y: labels,
    x: rows.map((r) => r.bins.find((b) => b.group === group)?.fraction ?? 0),
    customdata: rows.map((r) => r.bins.find((b) => b.group === group)?.synapses ?? 0),
    hovertemplate: `${group}: %{x:.1%} (%{customdata} synapses)<extra></extra>`,
    marker: { color: group === OTHER_GROUP ? '#c8ced4' : schemeColor('tableau', i) },
  }));
  const longest = Math.max(8, ...labels.map((l) => l.length));
  return {
    data,
    layout: {
      barmode: 'stack',
      margin: { l: 20 + longest * 7, r: 20, t: 30, b: 90 },
      xaxis: { range: [0, 1], tickformat: '.0%', title: { text: `fraction of ${direction}` } },
      yaxis: { autorange: 'reversed' },
      legend: { orientation: 'h', y: -0.3, traceorder: 'normal' },
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
    },
  };
}
