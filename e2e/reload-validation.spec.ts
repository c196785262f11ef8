/**
 * A reload checks its copies against CATMAID before showing them (skeletons/summary, never a
 * stale skeleton), and does so for the whole scene in one request per skeleton worker
 * (src/workers/edition-memo.ts): the view announces the scene to the pool, and each worker's first
 * load asks the edition times of all of it. Before, each chunk of copies read asked for its own,
 * one request per 100 neurons.
 */
import type { Request } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { opfsCopies } from './browser-copies.ts';
import { sceneComplete, showDemoScene } from './held-skeletons.ts';

/** Neurons per chunk of copies read (cacheChunkSize of src/workers/skeleton-pool.ts). */
const COPIES_PER_READ = 100;

/** skeletonWorkerCount of src/workers/skeleton-load-limits.ts (the node project cannot import it). */
const workerCount = (cores: number) => Math.min(Math.max(cores - 1, 2), 3);

const summaryIds = (r: Request) => (r.postData()?.match(/skeleton_ids/g) ?? []).length;

test('a reload checks its copies with one edition request per worker, not one per chunk', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { ids, region } = await showDemoScene(page, 170);
  expect(ids.length, 'copies read in several chunks').toBeGreaterThan(COPIES_PER_READ + 4);
  await expect.poll(() => opfsCopies(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(ids.length);
  const workers = workerCount(await page.evaluate(() => navigator.hardwareConcurrency || 2));

  const summaries: Request[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/skeletons/summary')) summaries.push(r);
  });
  await page.reload();
  await sceneComplete(region, ids.length);
  const asked = summaries.map(summaryIds);
  expect(
    asked.reduce((a, b) => a + b, 0),
    'every copy checked',
  ).toBeGreaterThanOrEqual(ids.length);
  expect(Math.max(...asked), 'one request for the whole scene').toBeGreaterThanOrEqual(ids.length);
  expect(summaries.length, 'edition requests').toBeLessThanOrEqual(workers);
});
