/**
 * A neuron's tree projected onto the XY plane (CATMAID's default view: x right, y down), fitted
 * into a width × height box: one SVG path of all parent–child edges, for the page and for the
 * SVG/PNG export (same path data). Pure, no DOM.
 */
import type { ArborNode } from '../../analysis/neuron/arbor.ts';

const MARGIN = 16;

export interface Projection {
  width: number;
  height: number;
  /** SVG path data: one `M x y L x y` per edge, 1-decimal coordinates. */
  path: string;
  edges: number;
}

export function projectArbor(
  nodes: readonly ArborNode[],
  width: number,
  height: number,
): Projection {
  if (nodes.length === 0) return { width, height, path: '', edges: 0 };
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const n of nodes) {
    x0 = Math.min(x0, n.x);
    x1 = Math.max(x1, n.x);
    y0 = Math.min(y0, n.y);
    y1 = Math.max(y1, n.y);
  }
  const scale = Math.min(
    (width - 2 * MARGIN) / Math.max(x1 - x0, 1),
    (height - 2 * MARGIN) / Math.max(y1 - y0, 1),
  );
  const px = (x: number) => (MARGIN + (x - x0) * scale).toFixed(1);
  const py = (y: number) => (MARGIN + (y - y0) * scale).toFixed(1);
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const parts: string[] = [];
  for (const n of nodes) {
    const p = n.parentId === null ? undefined : byId.get(n.parentId);
    if (p) parts.push(`M${px(p.x)} ${py(p.y)}L${px(n.x)} ${py(n.y)}`);
  }
  return { width, height, path: parts.join(''), edges: parts.length };
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A standalone SVG document of the projection with a caption. */
export function projectionSvg(p: Projection, caption: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<path d="${p.path}" fill="none" stroke="#1f2937" stroke-width="1" stroke-linecap="round"/>`,
    `<text x="8" y="${p.height - 6}" font-family="sans-serif" font-size="12" fill="#555555">${escapeXml(caption)}</text>`,
    `</svg>`,
  ].join('\n');
}
