/**
 * The similarity figure as one SVG document (on screen and exported as is): a dendrogram on the
 * left, the matrix in dendrogram order, row labels in the selection colours, a cluster bar and a
 * colour scale. Pure: everything comes computed.
 */
import type { Dendrogram } from '../../analysis/similarity/clustering.ts';
import { categoricalColor } from '../../lib/colors.ts';

export interface SimilarityFigureInput {
  title: string;
  labels: readonly string[];
  colors: readonly string[];
  /** Square, in the input order (not yet reordered). */
  matrix: readonly (readonly number[])[];
  dendrogram: Dendrogram | null;
  /** Cluster per neuron (input order), or null. */
  clusters: readonly number[] | null;
  /** Value range of the colour scale. */
  range: [number, number];
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** White → dark blue; values below the range are white, above dark. */
export function scoreColour(v: number, [lo, hi]: [number, number]): string {
  const t = Math.min(1, Math.max(0, (v - lo) / (hi - lo || 1)));
  const r = Math.round(255 - t * (255 - 8));
  const g = Math.round(255 - t * (255 - 48));
  const b = Math.round(255 - t * (255 - 107));
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

export function similarityFigureSvg(f: SimilarityFigureInput): {
  svg: string;
  width: number;
  height: number;
} {
  const n = f.labels.length;
  const cell = Math.min(28, Math.max(6, Math.floor(640 / Math.max(n, 1))));
  const order = f.dendrogram?.order ?? f.labels.map((_, i) => i);
  const dendroW = f.dendrogram ? 140 : 0;
  const top = 36;
  const left = 10 + dendroW;
  const clusterW = f.clusters ? 12 : 0;
  const labelX = left + n * cell + clusterW + 8;
  const width = labelX + 240;
  const height = top + n * cell + 70;
  const parts: string[] = [];
  parts.push(`<text x="10" y="20" font-size="14" font-family="sans-serif">${esc(f.title)}</text>`);
  order.forEach((row, r) => {
    order.forEach((col, c) => {
      const v = f.matrix[row]?.[col] ?? 0;
      parts.push(
        `<rect x="${left + c * cell}" y="${top + r * cell}" width="${cell}" height="${cell}" fill="${scoreColour(v, f.range)}"><title>${esc(`${f.labels[row] ?? ''} → ${f.labels[col] ?? ''}: ${v.toFixed(3)}`)}</title></rect>`,
      );
    });
    if (f.clusters) {
      const k = f.clusters[row] ?? 0;
      parts.push(
        `<rect x="${left + n * cell + 2}" y="${top + r * cell}" width="${clusterW - 2}" height="${cell}" fill="${categoricalColor(k)}"/>`,
      );
    }
    parts.push(
      `<text x="${labelX}" y="${top + r * cell + cell / 2 + 4}" font-size="${Math.min(12, cell)}" font-family="sans-serif" fill="${esc(f.colors[row] ?? '#000000')}">${esc(f.labels[row] ?? '')}</text>`,
    );
  });
  if (f.dendrogram) parts.push(dendrogramPaths(f.dendrogram, n, order, left, top, cell, dendroW));
  // Colour scale.
  const sy = top + n * cell + 20;
  for (let i = 0; i < 50; i++) {
    const v = f.range[0] + ((f.range[1] - f.range[0]) * i) / 49;
    parts.push(
      `<rect x="${left + i * 4}" y="${sy}" width="4" height="10" fill="${scoreColour(v, f.range)}"/>`,
    );
  }
  parts.push(
    `<text x="${left}" y="${sy + 24}" font-size="11" font-family="sans-serif">${f.range[0].toFixed(2)}</text>`,
    `<text x="${left + 200}" y="${sy + 24}" font-size="11" font-family="sans-serif" text-anchor="end">${f.range[1].toFixed(2)}</text>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}

function dendrogramPaths(
  d: Dendrogram,
  n: number,
  order: readonly number[],
  left: number,
  top: number,
  cell: number,
  width: number,
): string {
  const maxH = Math.max(1e-9, ...d.merges.map((m) => m[2]));
  const y = new Map<number, number>();
  const x = new Map<number, number>();
  order.forEach((leaf, r) => {
    y.set(leaf, top + r * cell + cell / 2);
    x.set(leaf, left - 2);
  });
  const xOf = (h: number) => left - 2 - (h / maxH) * (width - 10);
  const paths: string[] = [];
  d.merges.forEach(([a, b, h], k) => {
    const id = n + k;
    const ya = y.get(a) ?? top;
    const yb = y.get(b) ?? top;
    const xa = x.get(a) ?? left;
    const xb = x.get(b) ?? left;
    const xm = xOf(h);
    paths.push(
      `M${xa.toFixed(1)},${ya.toFixed(1)}H${xm.toFixed(1)}V${yb.toFixed(1)}H${xb.toFixed(1)}`,
    );
    y.set(id, (ya + yb) / 2);
    x.set(id, xm);
  });
  return `<path d="${paths.join('')}" fill="none" stroke="#333333" stroke-width="1"/>`;
}

/** The same document drawn at width × height (the viewBox keeps the drawing, scaled). */
export function svgAtSize(svg: string, width: number, height: number): string {
  return svg.replace(
    /^<svg ([^>]*?)width="\d+" height="\d+"/,
    `<svg $1width="${width}" height="${height}"`,
  );
}
