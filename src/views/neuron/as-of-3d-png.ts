/**
 * The as-of 3D figure as a PNG: the scene drawn at the asked size, with the legend (colour and
 * meaning of each class, node counts) in the top left and the caption at the bottom, so the
 * exported image explains itself like the page does.
 */
import { canvasPng, whiteCanvasWith } from '../../components/plots/download.ts';
import type { LegendEntry } from './as-of-3d-legend.ts';

const FONT = '12px sans-serif';
const LINE = 16;

export async function asOf3dPng(
  scene: ImageBitmap,
  width: number,
  height: number,
  legend: readonly LegendEntry[],
  caption: string,
): Promise<Blob> {
  const { canvas, ctx } = whiteCanvasWith(scene, width, height);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  legend.forEach((e, i) => {
    const y = 12 + i * LINE;
    ctx.fillStyle = e.colour;
    ctx.fillRect(8, y - 2, 18, 4);
    ctx.fillStyle = '#333333';
    ctx.fillText(e.label, 32, y, width - 40);
  });
  ctx.fillStyle = '#555555';
  ctx.fillText(caption, 8, height - 10, width - 16);
  return canvasPng(canvas);
}
