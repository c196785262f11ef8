/**
 * Opens a 3D link with only the first skeleton request let through and the rest held until the
 * first neurons are drawn, so a test sees a scene build up over several frames.
 */
import type { Locator, Page, Route } from '@playwright/test';
import { expect } from './fixtures.ts';

const SKELETONS_ROUTE = '**/api/catmaid/1/skeletons/compact-detail';

/** Resolves once the first neurons are drawn and the rest are held; `release` lets them go. */
export async function openWithSkeletonsHeld(
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
