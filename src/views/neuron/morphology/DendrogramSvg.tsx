/**
 * The dendrogram drawn as plain SVG (exportable as is): stretches and branch verticals as one
 * path, the soma (or root) as a disc at x = 0, presynapses as red and postsynapses as blue
 * marks, a scale bar in µm. Pure: the layout comes computed (analysis/morphology/dendrogram.ts).
 */
import type { Ref } from 'react';
import type { Dendrogram } from '../../../analysis/morphology/dendrogram.ts';
import { niceBinWidth } from '../../../analysis/morphology/histogram.ts';
import { POST_COLOUR, PRE_COLOUR } from './morphology-figures.ts';

interface Props {
  dendrogram: Dendrogram;
  originLabel: string;
  width: number;
  svgRef?: Ref<SVGSVGElement>;
}

const M = { left: 30, right: 20, top: 30, bottom: 50 };
const ROW = 8;

export function dendrogramHeight(d: Dendrogram): number {
  return Math.min(Math.max(d.rows * ROW, 160), 3000) + M.top + M.bottom;
}

export function DendrogramSvg({ dendrogram: d, originLabel, width, svgRef }: Props) {
  const height = dendrogramHeight(d);
  const plotW = width - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const sx = (nm: number) => M.left + (d.width > 0 ? (nm / d.width) * plotW : 0);
  const sy = (row: number) => M.top + (d.rows > 1 ? (row / (d.rows - 1)) * plotH : plotH / 2);
  const f = (v: number) => v.toFixed(1);
  const path = [
    ...d.lines.map((l) => `M${f(sx(l.x0))},${f(sy(l.y))}H${f(sx(l.x1))}`),
    ...d.verticals.map((v) => `M${f(sx(v.x))},${f(sy(v.y0))}V${f(sy(v.y1))}`),
  ].join('');
  const originRow = d.verticals.find((v) => v.node === d.origin);
  const originY = originRow ? (originRow.y0 + originRow.y1) / 2 : (d.lines[0]?.y ?? 0);
  const bar = niceBinWidth(d.width, 5);
  const pre = d.synapses.filter((s) => s.relation === 'pre');
  const post = d.synapses.filter((s) => s.relation === 'post');
  return (
    <svg
      ref={svgRef}
      role="img"
      aria-label="Dendrogram"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      fontFamily="sans-serif"
      fontSize={11}
    >
      <rect width={width} height={height} fill="#ffffff" />
      <text x={M.left} y={16}>
        {`${originLabel} at the left · `}
        <tspan fill={PRE_COLOUR}>{`● ${pre.length} presynapses`}</tspan>
        {' · '}
        <tspan fill={POST_COLOUR}>{`● ${post.length} postsynapses`}</tspan>
      </text>
      <path d={path} stroke="#333333" strokeWidth={1} fill="none" />
      <g fill={POST_COLOUR} fillOpacity={0.8} data-relation="post">
        {post.map((s, k) => (
          <circle key={k} cx={f(sx(s.x))} cy={f(sy(s.y) + 2)} r={2} />
        ))}
      </g>
      <g fill={PRE_COLOUR} fillOpacity={0.8} data-relation="pre">
        {pre.map((s, k) => (
          <circle key={k} cx={f(sx(s.x))} cy={f(sy(s.y) - 2)} r={2} />
        ))}
      </g>
      <circle cx={M.left} cy={f(sy(originY))} r={5} fill="#000000" aria-label={originLabel} />
      {d.width > 0 ? (
        <g transform={`translate(${M.left},${height - 25})`}>
          <path d={`M0,0H${f((bar / d.width) * plotW)}`} stroke="#000000" strokeWidth={2} />
          <text x={0} y={16}>{`${bar / 1000} µm`}</text>
        </g>
      ) : null}
    </svg>
  );
}
