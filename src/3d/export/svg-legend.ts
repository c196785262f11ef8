/** The legend as SVG (top right), the same model the screen and the PNG draw. */
import { rgbToHex } from '../geometry/colour-modes.ts';
import type { LegendModel } from './legend-model.ts';
import { escapeXml } from './svg-text.ts';

const ROW = 18;

export function legendSvg(l: LegendModel, width: number, ink: string): string {
  const x = width - 230;
  let y = 24;
  const font = `font-family="Helvetica, Arial, sans-serif" font-size="12" fill="${ink}"`;
  const parts = [`<text x="${x}" y="${y}" ${font} font-weight="bold">${escapeXml(l.title)}</text>`];
  y += ROW;
  for (const e of [...l.entries, ...l.markers]) {
    const c = rgbToHex(e.rgb);
    parts.push(
      e.shape === 'dot'
        ? `<circle cx="${x + 10}" cy="${y - 4}" r="4" fill="${c}"/>`
        : `<line x1="${x}" y1="${y - 4}" x2="${x + 20}" y2="${y - 4}" stroke="${c}" stroke-width="3"/>`,
      `<text x="${x + 28}" y="${y}" ${font}>${escapeXml(e.label)}</text>`,
    );
    y += ROW;
  }
  if (l.more) {
    parts.push(`<text x="${x}" y="${y}" ${font} font-style="italic">${escapeXml(l.more)}</text>`);
    y += ROW;
  }
  if (l.gradient) {
    const n = Math.max(l.gradient.stops.length - 1, 1);
    const stops = l.gradient.stops
      .map((s, i) => `<stop offset="${i / n}" stop-color="${rgbToHex(s)}"/>`)
      .join('');
    parts.push(
      `<defs><linearGradient id="legend-ramp">${stops}</linearGradient></defs>`,
      `<rect x="${x}" y="${y - 10}" width="150" height="10" fill="url(#legend-ramp)"/>`,
      `<text x="${x}" y="${y + 14}" ${font}>${escapeXml(l.gradient.from)}</text>`,
      `<text x="${x + 150}" y="${y + 14}" ${font} text-anchor="end">${escapeXml(l.gradient.to)}</text>`,
    );
  }
  return `<g id="legend">${parts.join('')}</g>`;
}
