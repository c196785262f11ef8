/**
 * Plotly figure of a rectangular matrix: the heatmap, and when ordered by clustering the row
 * dendrogram on its right and the column dendrogram below it (the labels take the left and top
 * margins); line traces on their own axes, so plotly's SVG/PNG export carries them.
 */
import type { Data, Layout } from 'plotly.js';
import type { CellValue, Clustering, RectMatrix } from '../../analysis/rect-matrix.ts';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Dendrogram segments as one line trace: position along the axis, height across it. */
function dendrogramXY(c: Clustering): { pos: (number | null)[]; h: (number | null)[] } {
  const pos: (number | null)[] = [];
  const h: (number | null)[] = [];
  for (const l of c.links) {
    pos.push(l.a, l.a, l.b, l.b, null);
    h.push(l.ha, l.h, l.h, l.hb, null);
  }
  return { pos, h };
}

export function rectMatrixFigure(
  m: RectMatrix,
  value: CellValue,
  dendrograms: { rows: Clustering; cols: Clustering } | null,
): { data: Data[]; layout: Partial<Layout> } {
  const xi = m.cols.keys.map((_, i) => i);
  const yi = m.rows.keys.map((_, i) => i);
  const fmt = value === 'raw' ? '%{z:.3~f}' : '%{z:.1%}';
  const data: Data[] = [
    {
      type: 'heatmap',
      z: m.z.map((r) => r.map((v) => (v > 0 ? v : null))),
      x: xi,
      y: yi,
      texttemplate: m.rows.keys.length * m.cols.keys.length <= 900 ? fmt : '',
      customdata: m.rows.labels.map((r) => m.cols.labels.map((c) => `${r} → ${c}`)),
      hovertemplate: `%{customdata}: ${fmt}<extra></extra>`,
      colorscale: [
        [0, '#deebf7'],
        [1, '#08306b'],
      ],
      colorbar: { title: { text: value === 'raw' ? 'synapses' : 'fraction of input' } },
      xgap: 1,
      ygap: 1,
    },
  ];
  const longestRow = Math.max(8, ...m.rows.labels.map((l) => l.length));
  const longestCol = Math.max(8, ...m.cols.labels.map((l) => l.length));
  const side = dendrograms ? 0.16 : 0;
  const layout: Partial<Layout> = {
    margin: { l: 12 + longestRow * 7, t: 12 + longestCol * 6, r: 20, b: 30 },
    xaxis: {
      domain: [0, 1 - side],
      showgrid: false,
      zeroline: false,
      tickvals: xi,
      ticktext: m.cols.labels.map(escapeHtml),
      side: 'top',
      tickangle: -45,
      title: { text: 'postsynaptic (targets)' },
    },
    yaxis: {
      domain: [side, 1],
      showgrid: false,
      zeroline: false,
      tickvals: yi,
      ticktext: m.rows.labels.map(escapeHtml),
      autorange: 'reversed',
      title: { text: 'presynaptic (sources)' },
    },
    showlegend: false,
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
  };
  if (dendrograms) {
    const r = dendrogramXY(dendrograms.rows);
    const c = dendrogramXY(dendrograms.cols);
    const line = { color: '#444', width: 1 };
    data.push(
      {
        type: 'scatter',
        mode: 'lines',
        x: r.h,
        y: r.pos,
        xaxis: 'x2',
        yaxis: 'y',
        line,
        hoverinfo: 'skip',
      },
      {
        type: 'scatter',
        mode: 'lines',
        x: c.pos,
        y: c.h,
        xaxis: 'x',
        yaxis: 'y2',
        line,
        hoverinfo: 'skip',
      },
    );
    const hidden = { showgrid: false, zeroline: false, showticklabels: false, ticks: '' as const };
    layout.xaxis2 = { ...hidden, domain: [1 - side + 0.01, 1], anchor: 'y' };
    layout.yaxis2 = { ...hidden, domain: [0, side - 0.01], autorange: 'reversed', anchor: 'x' };
  }
  return { data, layout };
}
