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
