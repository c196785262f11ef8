/** Plotly heatmap of an ordered, thresholded adjacency matrix, labels in the selection colours. */
import type { Data, Layout } from 'plotly.js';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function matrixFigure(
  order: readonly number[],
  z: number[][],
  names: ReadonlyMap<number, string>,
  colors: ReadonlyMap<number, string>,
): { data: Data[]; layout: Partial<Layout> } {
  const idx = order.map((_, i) => i);
  const label = (id: number) => {
    const text = escapeHtml(names.get(id) ?? String(id));
    const color = colors.get(id);
    return color ? `<span style="color:${color}">■</span> ${text}` : text;
  };
  const ticks = order.map(label);
  const longest = Math.max(8, ...order.map((id) => (names.get(id) ?? String(id)).length));
  const data: Data[] = [
    {
      type: 'heatmap',
      // Zero cells are gaps (no colour, no number).
      z: z.map((r) => r.map((v) => (v > 0 ? v : null))),
      x: idx,
      y: idx,
      texttemplate: order.length <= 40 ? '%{z}' : '',
      customdata: order.map((pre) =>
        order.map((post) => `${names.get(pre) ?? pre} → ${names.get(post) ?? post}`),
      ),
      hovertemplate: '%{customdata}: %{z} synapses<extra></extra>',
      colorscale: [
        [0, '#deebf7'],
        [1, '#08306b'],
      ],
      zmin: 1,
      colorbar: { title: { text: 'synapses' } },
      xgap: 1,
      ygap: 1,
    },
  ];
  const layout: Partial<Layout> = {
    margin: { l: 12 + longest * 7, t: 12 + longest * 7, r: 20, b: 30 },
    xaxis: {
      showgrid: false,
      zeroline: false,
      tickvals: idx,
      ticktext: ticks,
      side: 'top',
      tickangle: -45,
      title: { text: 'postsynaptic' },
    },
    yaxis: {
      showgrid: false,
      zeroline: false,
      tickvals: idx,
      ticktext: ticks,
      autorange: 'reversed',
      title: { text: 'presynaptic' },
    },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
  };
  return { data, layout };
}
