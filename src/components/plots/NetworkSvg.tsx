/**
 * A directed network drawn as plain SVG (exportable as is): circles, curved arrows whose width
 * the caller sets, labels placed around their nodes without overlaps (a label with no free spot
 * is left out; its node shows the name on hover). Pure: positions come laid out.
 */
import type { Ref } from 'react';
import { placeLabels } from './place-labels.ts';

export interface NetworkNode {
  id: number;
  label: string;
  color: string;
  x: number;
  y: number;
  /** Drawn larger with a dark outline (e.g. the selection, vs its partners). */
  emphasis: boolean;
}

interface NetworkEdge {
  source: number;
  target: number;
  width: number;
  title: string;
}

interface Props {
  nodes: readonly NetworkNode[];
  edges: readonly NetworkEdge[];
  width: number;
  height: number;
  label: string;
  svgRef?: Ref<SVGSVGElement>;
  onEdgeClick?: (edge: NetworkEdge) => void;
}

const FONT_SIZE = 11;

function curve(a: NetworkNode, b: NetworkNode, r: number): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // Bend to the right of the direction so A→B and B→A don't overlap; stop at the target circle.
  const mx = (a.x + b.x) / 2 - (dy / len) * 0.15 * len;
  const my = (a.y + b.y) / 2 + (dx / len) * 0.15 * len;
  const ex = b.x - ((b.x - mx) / Math.hypot(b.x - mx, b.y - my)) * (r + 3);
  const ey = b.y - ((b.y - my) / Math.hypot(b.x - mx, b.y - my)) * (r + 3);
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

export function NetworkSvg({ nodes, edges, width, height, label, svgRef, onEdgeClick }: Props) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const radius = (n: NetworkNode) => (n.emphasis ? 11 : 8);
  // The selection's own neurons get the first pick of label positions.
  const order = [...nodes.filter((n) => n.emphasis), ...nodes.filter((n) => !n.emphasis)];
  const labels = placeLabels(
    order.map((n) => ({ id: n.id, x: n.x, y: n.y, r: radius(n), text: n.label })),
    width,
    height,
    { fontSize: FONT_SIZE },
  );
  const labelOf = new Map(labels.map((l) => [l.id, l]));
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      className="network-svg"
      fontFamily="Helvetica, Arial, sans-serif"
    >
      <defs>
        <marker
          id="net-arrow"
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="4"
          markerHeight="4"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#55606b" />
        </marker>
      </defs>
      <rect width={width} height={height} fill="#ffffff" />
      <g fill="none" stroke="#55606b" strokeOpacity={0.65}>
        {edges.map((e) => {
          const a = byId.get(e.source);
          const b = byId.get(e.target);
          if (!a || !b || a === b) return null;
          return (
            <path
              key={`${e.source}-${e.target}`}
              d={curve(a, b, radius(b))}
              strokeWidth={e.width}
              markerEnd="url(#net-arrow)"
              className={onEdgeClick ? 'net-edge clickable' : 'net-edge'}
              onClick={onEdgeClick ? () => onEdgeClick(e) : undefined}
            >
              <title>{e.title}</title>
            </path>
          );
        })}
      </g>
      <g>
        {nodes.map((n) => (
          <g key={n.id} transform={`translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`}>
            <circle
              r={radius(n)}
              fill={n.color}
              stroke={n.emphasis ? '#1d232a' : '#ffffff'}
              strokeWidth={1.5}
            >
              <title>{n.label}</title>
            </circle>
          </g>
        ))}
      </g>
      {/* A white halo keeps labels readable where they cross edges. */}
      <g
        fontSize={FONT_SIZE}
        fill="#1d232a"
        stroke="#ffffff"
        strokeWidth={3}
        strokeLinejoin="round"
        paintOrder="stroke"
        className="net-labels"
      >
        {nodes.map((n) => {
          const l = labelOf.get(n.id);
          if (!l?.visible) return null;
          return (
            <text key={n.id} x={l.x.toFixed(1)} y={l.y.toFixed(1)} textAnchor={l.anchor}>
              {n.label}
            </text>
          );
        })}
      </g>
    </svg>
  );
}
