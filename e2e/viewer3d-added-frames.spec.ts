/**
 * Frames that add (src/3d/scene/frame-accumulation.ts): while neurons stream in under an
 * unchanged view, a frame draws only what arrived since the last one into the kept picture, so
 * the complete frame no longer redraws the whole scene after the last arrival. Checked: with the
 * camera fixed by a shared link and all but the first skeletons held back until those are on
 * screen, the frames after the release add to the picture (data-added-frames), and the finished
 * picture is the one drawn from scratch, pixel for pixel (after toggling Somata off and on).
 */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { test, expect } from './fixtures.ts';
import { changed, viewer } from './canvas.ts';
import { afterFrame, reopenWithoutCopies, sceneComplete, showDemoScene } from './held-skeletons.ts';

/** The WebGL canvas's own pixels (no overlay such as the scale bar). */
async function glPixels(page: Page): Promise<PNG> {
  const url = await viewer(page)
    .locator('canvas')
    .evaluate((c) => (c as HTMLCanvasElement).toDataURL('image/png'));
  return PNG.sync.read(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}

test('neurons arriving under an unchanged view are added to the picture, which equals a redraw', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { ids, region } = await showDemoScene(page, 40);

  // The view framed on all of them, kept in the link ("Frame all" writes the camera into it).
  const camera = page.getByRole('group', { name: 'Camera' });
  await afterFrame(region, () => camera.getByRole('button', { name: 'Frame all' }).click());
  await expect.poll(() => new URL(page.url()).searchParams.get('cam')).not.toBeNull();
  const link = page.url();

  // The same link in a fresh page without the browser's copies: the first skeleton request goes
  // through, the rest wait.
  const held = await reopenWithoutCopies(page, region, link);
  const addedBefore = Number((await region.getAttribute('data-added-frames')) ?? 0);
  await held.release();
  await sceneComplete(region, ids.length);
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
