/** The 3D viewer's canvas as pixels, for specs that check a drawing changed. */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';

export const viewer = (page: Page) => page.getByRole('region', { name: '3D viewer' });

export async function canvasPixels(page: Page): Promise<PNG> {
  return PNG.sync.read(await viewer(page).locator('canvas').screenshot());
}

/** Pixels whose colour differs by more than 30 (summed over r, g, b) between two frames. */
export function changed(a: PNG, b: PNG): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) +
        Math.abs((a.data[i + 1] ?? 0) - (b.data[i + 1] ?? 0)) +
        Math.abs((a.data[i + 2] ?? 0) - (b.data[i + 2] ?? 0)) >
      30
    )
      n++;
  }
  return n;
}

/**
 * Clicks the drawn (non-white) canvas pixel nearest the centre; returns it (canvas pixels,
 * which are CSS pixels at the tests' device scale 1).
 */
export async function clickNearestDrawnPixel(page: Page): Promise<[number, number]> {
  const png = await canvasPixels(page);
  let at: [number, number] | null = null;
  let best = Infinity;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.min(png.data[i] ?? 255, png.data[i + 1] ?? 255, png.data[i + 2] ?? 255) >= 230)
      continue;
    const x = (i / 4) % png.width;
    const y = Math.floor(i / 4 / png.width);
    const d = (x - png.width / 2) ** 2 + (y - png.height / 2) ** 2;
    if (d < best) [best, at] = [d, [x, y]];
  }
  const box = await viewer(page).locator('canvas').boundingBox();
  if (!box || !at) throw new Error('nothing drawn');
  await page.mouse.click(box.x + at[0], box.y + at[1]);
  return at;
}
