/**
 * Browser pages of the lab benches (bench/colleagues.ts, bench/fair-share.ts): a fresh profile
 * on the 3D view with its shaders warm, and the time from "show" to a scene's complete frame.
 */
import type { Browser, Page } from '@playwright/test';

/**
 * A new context (a fresh profile: no IndexedDB copy) at `url`, once its shaders are warm.
 * `cookie`: `name=value` the profile already holds for the server (e.g. a given browser id).
 */
export async function openWarm(browser: Browser, url: string, cookie?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  if (cookie) {
    const eq = cookie.indexOf('=');
    const [name, value] = [cookie.slice(0, eq), cookie.slice(eq + 1)];
    await context.addCookies([{ name, value, url: new URL('/api/', url).href }]);
  }
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('canvas[data-warm="true"]', { state: 'attached', timeout: 120_000 });
  return page;
}

/** Milliseconds from `t0` (the page's clock) to the complete frame of `n` neurons. */
export async function readyMs(page: Page, t0: number, n: number): Promise<number> {
  const sel = `[aria-label="3D viewer"][data-scene-ready="true"][data-neuron-count="${n}"]`;
  await page.waitForSelector(sel, { state: 'attached', timeout: 900_000 });
  const at = await page.$eval(sel, (el) => Number((el as HTMLElement).dataset.readyAt));
  return Math.round(at - t0);
}
