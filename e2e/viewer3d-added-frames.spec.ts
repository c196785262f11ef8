/**
 * Frames that add (src/3d/scene/frame-accumulation.ts): while neurons stream in under an
 * unchanged view, a frame draws only what arrived since the last one into the kept picture, so
 * the complete frame no longer redraws the whole scene after the last arrival. Checked: with the
 * camera fixed by a shared link and all but the first skeletons held back until those are on
 * screen, the frames after the release add to the picture (data-added-frames), and the finished
 * picture is the one drawn from scratch, pixel for pixel (after toggling Somata off and on).
 */
import type { Locator, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { test, expect } from './fixtures.ts';
import { someSkeletons } from './helpers.ts';
import { changed, viewer } from './canvas.ts';
import { removeCopies } from './browser-copies.ts';
import { openWithSkeletonsHeld } from './held-skeletons.ts';

/** The WebGL canvas's own pixels (no overlay such as the scale bar). */
async function glPixels(page: Page): Promise<PNG> {
  const url = await viewer(page)
    .locator('canvas')
    .evaluate((c) => (c as HTMLCanvasElement).toDataURL('image/png'));
  return PNG.sync.read(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}

/** Runs `act` and waits until a frame after it is shown and the scene is ready again. */
async function afterFrame(region: Locator, act: () => Promise<unknown>) {
  const before = Number(await region.getAttribute('data-frame'));
  await act();
  await expect
    .poll(async () => Number(await region.getAttribute('data-frame')))
    .toBeGreaterThan(before);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
}

test('neurons arriving under an unchanged view are added to the picture, which equals a redraw', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto('/');
  const ids = await someSkeletons(page, 40);
  const region = viewer(page);

  // The view framed on all of them, kept in the link ("Frame all" writes the camera into it).
  await page.goto(`/?view=3d&pid=1&sel=${ids.join(',')}`);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-neuron-count', String(ids.length));
  const camera = page.getByRole('group', { name: 'Camera' });
  await afterFrame(region, () => camera.getByRole('button', { name: 'Frame all' }).click());
  await expect.poll(() => new URL(page.url()).searchParams.get('cam')).not.toBeNull();
  const link = page.url();
  // Out of the 3D view (its workers hold the copies open), then without the browser's copies.
  await page.goto('/');
  await removeCopies(page);

  // The same link in a fresh page: the first skeleton request goes through, the rest wait.
  const held = await openWithSkeletonsHeld(page, region, link);
  const addedBefore = Number((await region.getAttribute('data-added-frames')) ?? 0);
  await held.release();
  await expect(region).toHaveAttribute('data-neuron-count', String(ids.length), {
    timeout: 30_000,
  });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  const added = Number((await region.getAttribute('data-added-frames')) ?? 0);
  expect(added, 'frames after the release added to the picture').toBeGreaterThan(addedBefore);
  await expect(region, 'the complete frame, too').toHaveAttribute('data-frame-added', 'true');

  // The picture built up frame by frame is the one drawn from scratch. (A frame in flight when
  // a box is ticked may still be shown after it: the redraw is polled until it has come.)
  const accumulated = await glPixels(page);
  // Drawn pixels: the background is transparent (the page's colour shows through).
  const ink = accumulated.data.filter((v, i) => i % 4 === 3 && v > 0).length;
  expect(ink, 'the scene is drawn').toBeGreaterThan(2000);
  const somata = page.getByRole('checkbox', { name: 'Somata' });
  await afterFrame(region, () => somata.uncheck());
  await afterFrame(region, () => somata.check());
  await expect
    .poll(async () => changed(accumulated, await glPixels(page)), {
      message: 'pixels that differ from a redraw',
      timeout: 10_000,
    })
    .toBeLessThanOrEqual(Math.ceil(ink / 1000));
});
