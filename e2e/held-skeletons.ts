/**
 * Scenes that build up over several frames: a 3D scene of demo neurons shown once, then opened
 * again without the browser's copies, with only the first skeleton request let through and the
 * rest held until the first neurons are drawn.
 */
import type { Locator, Page, Route } from '@playwright/test';
import { removeCopies } from './browser-copies.ts';
import { viewer } from './canvas.ts';
import { expect } from './fixtures.ts';
import { someSkeletons } from './helpers.ts';

const SKELETONS_ROUTE = '**/api/catmaid/1/skeletons/compact-detail';

/** Shows `count` demo neurons in 3D (a link without a camera) and waits until they are drawn. */
export async function showDemoScene(
  page: Page,
  count: number,
): Promise<{ ids: number[]; region: Locator; link: string }> {
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto('/');
  const ids = await someSkeletons(page, count);
  const region = viewer(page);
  const link = `/?view=3d&pid=1&sel=${ids.join(',')}`;
  await page.goto(link);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-neuron-count', String(ids.length));
  return { ids, region, link };
}

/** Runs `act` and waits until a frame after it is shown and the scene is ready again. */
export async function afterFrame(region: Locator, act: () => Promise<unknown>): Promise<void> {
  const before = Number(await region.getAttribute('data-frame'));
  await act();
  await expect
    .poll(async () => Number(await region.getAttribute('data-frame')))
    .toBeGreaterThan(before);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
}

/** Resolves once the first neurons are drawn and the rest are held; `release` lets them go. */
async function openWithSkeletonsHeld(
  page: Page,
  region: Locator,
  link: string,
): Promise<{ release(): Promise<void> }> {
  const held: Route[] = [];
  let passed = 0;
  let released = false;
  await page.route(SKELETONS_ROUTE, (route) => {
    if (released || passed++ === 0) return route.continue();
    held.push(route);
  });
  await page.goto(link);
  await expect(region).toHaveAttribute('data-first-neurons-at', /\d/, { timeout: 30_000 });
  await expect.poll(() => held.length).toBeGreaterThan(0);
  return {
    release: async () => {
      released = true;
      await Promise.all(held.splice(0).map((r) => r.continue()));
    },
  };
}

/**
 * Opens `link` again without the browser's copies (out of the 3D view first: its workers hold
 * them open), so the skeletons come over the network and all but the first request are held.
 */
export async function reopenWithoutCopies(
  page: Page,
  region: Locator,
  link: string,
): Promise<{ release(): Promise<void> }> {
  await page.goto('/');
  await removeCopies(page);
  return openWithSkeletonsHeld(page, region, link);
}

/** Waits until all `count` neurons are in and the scene is ready. */
export async function sceneComplete(region: Locator, count: number): Promise<void> {
  await expect(region).toHaveAttribute('data-neuron-count', String(count), { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
}
