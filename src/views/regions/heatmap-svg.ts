/**
 * The innervation heatmap (neurons × regions) as a standalone SVG document: the same string is
 * shown on screen (as an image), saved as SVG and rasterized for PNG, so all three agree.
 * Cell shade = fraction of the neuron's total inside the region (0 white … 1 dark blue); the
 * number printed in each cell is that fraction in percent.
 */
import { escapeXml } from '../../3d/export/svg-text.ts';

export interface HeatmapInput {
  title: string;
  rows: readonly { label: string; color?: string }[];
  columns: readonly string[];
  /** [row][column], 0..1. */
  values: readonly (readonly number[])[];
}

const CELL_W = 84;
const CELL_H = 22;
const ROW_LABEL_W = 220;
const TOP = 120;

function shade(v: number): string {
  const t = Math.max(0, Math.min(1, v));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(255, 8)},${mix(255, 48)},${mix(255, 107)})`;
}

export function heatmapSize(input: HeatmapInput): { width: number; height: number } {
  return {
    // Room on the right for the last column's label, which is rotated towards it.
    width: ROW_LABEL_W + Math.max(1, input.columns.length) * CELL_W + 140,
    height: TOP + Math.max(1, input.rows.length) * CELL_H + 50,
  };
}

export function heatmapSvg(input: HeatmapInput, size = heatmapSize(input)): string {
  const natural = heatmapSize(input);
  const parts: string[] = [];
  parts.push(
    `<text x="10" y="22" font-size="15" font-weight="bold">${escapeXml(input.title)}</text>`,
  );
  input.columns.forEach((c, j) => {
    const x = ROW_LABEL_W + j * CELL_W + CELL_W / 2;
    parts.push(
      `<text x="${x}" y="${TOP - 8}" font-size="11" transform="rotate(-35 ${x} ${TOP - 8})">${escapeXml(c)}</text>`,
    );
  });
  input.rows.forEach((r, i) => {
    const y = TOP + i * CELL_H;
    parts.push(
      `<text x="${ROW_LABEL_W - 8}" y="${y + 15}" font-size="11" text-anchor="end" fill="${escapeXml(r.color ?? '#000')}">${escapeXml(r.label)}</text>`,
    );
    input.columns.forEach((_, j) => {
      const v = input.values[i]?.[j] ?? 0;
      const x = ROW_LABEL_W + j * CELL_W;
      parts.push(
        `<rect x="${x}" y="${y}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${shade(v)}"><title>${escapeXml(`${r.label} × ${input.columns[j] ?? ''}: ${(v * 100).toFixed(1)} %`)}</title></rect>`,
        `<text x="${x + CELL_W / 2 - 1}" y="${y + 15}" font-size="10" text-anchor="middle" fill="${v > 0.5 ? '#fff' : '#222'}">${(v * 100).toFixed(0)}</text>`,
      );
    });
  });
  const legendY = TOP + Math.max(1, input.rows.length) * CELL_H + 18;
  for (let k = 0; k <= 10; k++)
    parts.push(
      `<rect x="${ROW_LABEL_W + k * 16}" y="${legendY}" width="16" height="10" fill="${shade(k / 10)}"/>`,
    );
  parts.push(
    `<text x="${ROW_LABEL_W - 8}" y="${legendY + 9}" font-size="10" text-anchor="end">0 %</text>`,
    `<text x="${ROW_LABEL_W + 11 * 16 + 6}" y="${legendY + 9}" font-size="10">100 % of the neuron</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${natural.width} ${natural.height}" font-family="sans-serif"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}
