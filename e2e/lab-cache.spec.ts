/**
 * A lab shares one dashboard server: the second person (a fresh browser profile, nothing in its
 * IndexedDB) opening the same neurons in 3D gets them from the server's skeleton cache, and
 * CATMAID is only asked whether they changed (skeletons/summary), not for their data again.
 * The spec runs its own stack (an in-process demo server that records requests, a dashboard
 * server with a fresh cache) so no other test's traffic moves the counters.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { CacheStats } from '../server/cache/skeleton-cache.ts';
import { test, expect } from './fixtures.ts';
import { addToSelection, openView } from './helpers.ts';
import { ownStack } from './own-stack.ts';

const stack = ownStack('lab-cache');

async function stats(page: Page): Promise<CacheStats> {
  const res = await page.request.get(`${stack.base()}/api/cache/stats`);
  return (await res.json()) as CacheStats;
}

const skeletonDataRequests = () =>
  stack
    .demo()
    .requests()
    .filter((r) => /\/skeletons\/(\d+\/)?compact-detail$/.test(r.path)).length;

async function sceneOf(page: Page): Promise<{ neurons: string; nodes: string }> {
  const region = page.getByRole('region', { name: '3D viewer' });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  return {
    neurons: (await region.getAttribute('data-neuron-count')) ?? '',
    nodes: (await region.getAttribute('data-node-count')) ?? '',
  };
}

test('a second browser gets the same 3D neurons from the server cache, without CATMAID sending them again', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto(stack.base());
  await addToSelection(page, 'PN', 4);
  await openView(page, '3D');
  const first = await sceneOf(page);
  expect(first.neurons).toBe('4');
  const cold = await stats(page);
  expect(cold.misses).toBeGreaterThanOrEqual(4);
  expect(cold.entries).toBeGreaterThanOrEqual(4);
  const dataRequestsCold = skeletonDataRequests();
  expect(dataRequestsCold).toBeGreaterThan(0);
  const summariesCold = stack
    .demo()
    .requests()
    .filter((r) => r.path.endsWith('/skeletons/summary')).length;

  // A new context is a new profile: no IndexedDB copy, no HTTP cache.
  const second = await browser.newContext();
  const problems: string[] = [];
  const other = await second.newPage();
  other.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  other.on('pageerror', (e) => problems.push(e.message));
  try {
    await other.goto(page.url());
    const warm = await sceneOf(other);
    expect(warm).toEqual(first);
    const after = await stats(other);
    expect(after.hits - cold.hits).toBeGreaterThanOrEqual(4);
    expect(after.misses).toBe(cold.misses);
    expect(after.stale).toBe(0);
    expect(skeletonDataRequests(), 'CATMAID was not asked for skeleton data again').toBe(
      dataRequestsCold,
    );
    const summaries = stack
      .demo()
      .requests()
      .filter((r) => r.path.endsWith('/skeletons/summary')).length;
    expect(summaries, 'each cached answer was checked against CATMAID').toBeGreaterThan(
      summariesCold,
    );
    // Each browser has its own id for taking turns at CATMAID's slots (client-key.ts).
    const idOf = async (context: BrowserContext) =>
      (await context.cookies(`${stack.base()}/api/config`)).find(
        (c) => c.name === 'catmaid_dashboard_client',
      )?.value;
    const ids = [await idOf(page.context()), await idOf(second)];
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(problems).toEqual([]);
  } finally {
    await second.close();
  }
});
