/** Scale bar and legend drawn onto the exported PNG (same legend model as screen and SVG). */
import { rgbToHex } from '../geometry/colour-modes.ts';
import type { LegendModel } from './legend-model.ts';

export interface OverlayOptions {
  width: number;
  height: number;
  /** Output pixels per CSS pixel of the on-screen view (fonts and bars scale with it). */
  scale: number;
  ink: string;
  scaleBar: { px: number; label: string } | null;
  legend: LegendModel | null;
}

export function drawOverlay(ctx: CanvasRenderingContext2D, o: OverlayOptions): void {
  const s = Math.max(o.scale, 1);
  const font = (size: number, weight = '') =>
    `${weight} ${Math.round(size * s)}px Helvetica, Arial, sans-serif`;
  ctx.fillStyle = o.ink;
  ctx.strokeStyle = o.ink;
  if (o.scaleBar) {
    const x = 24 * s;
    const y = o.height - 24 * s;
    ctx.lineWidth = 3 * s;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + o.scaleBar.px, y);
    ctx.stroke();
    ctx.font = font(14);
    ctx.textAlign = 'center';
    ctx.fillText(o.scaleBar.label, x + o.scaleBar.px / 2, y - 8 * s);
  }
  const l = o.legend;
  if (!l) return;
  const x = o.width - 230 * s;
  let y = 24 * s;
  const row = 18 * s;
  ctx.textAlign = 'left';
  ctx.font = font(12, 'bold');
  ctx.fillStyle = o.ink;
  ctx.fillText(l.title, x, y);
  y += row;
  ctx.font = font(12);
  for (const e of [...l.entries, ...l.markers]) {
    const c = rgbToHex(e.rgb);
    ctx.fillStyle = c;
    ctx.strokeStyle = c;
    if (e.shape === 'dot') {
      ctx.beginPath();
      ctx.arc(x + 10 * s, y - 4 * s, 4 * s, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.lineWidth = 3 * s;
      ctx.beginPath();
      ctx.moveTo(x, y - 4 * s);
      ctx.lineTo(x + 20 * s, y - 4 * s);
      ctx.stroke();
    }
    ctx.fillStyle = o.ink;
    ctx.fillText(e.label, x + 28 * s, y);
    y += row;
  }
  if (l.more) {
    ctx.fillText(l.more, x, y);
    y += row;
  }
  if (l.gradient) {
    const g = ctx.createLinearGradient(x, 0, x + 150 * s, 0);
    const n = Math.max(l.gradient.stops.length - 1, 1);
    l.gradient.stops.forEach((c, i) => g.addColorStop(i / n, rgbToHex(c)));
    ctx.fillStyle = g;
    ctx.fillRect(x, y - 10 * s, 150 * s, 10 * s);
    ctx.fillStyle = o.ink;
    ctx.fillText(l.gradient.from, x, y + 14 * s);
    ctx.textAlign = 'right';
    ctx.fillText(l.gradient.to, x + 150 * s, y + 14 * s);
  }
}
