/**
 * The dashboard server asks CATMAID's edition times once per burst of display requests
 * (server/cache/burst-editions.ts): a scene drawn display first comes as several display requests,
 * and CATMAID sees ONE `skeletons/summary` for all of them; a second viewer of the same scene (a
 * new burst) is checked anew. The spec runs its own stack (an in-process demo server that records
 * requests) so no other test's traffic moves the counts. The browser's own edition checks and its
 * full loads are held meanwhile: every summary CATMAID sees then comes from the display route.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { holdRequests } from './held-requests.ts';
import { ownStack } from './own-stack.ts';
import { viewer } from './canvas.ts';

const logLines: string[] = [];
const stack = ownStack('display-burst', (line) => logLines.push(line));

const summariesAtCatmaid = () =>
  stack
    .demo()
    .requests()
    .filter((r) => r.path.endsWith('/skeletons/summary')).length;

/**
 * Opens the scene display first. Resolves, once complete, with the display requests it made and
 * the summaries CATMAID answered meanwhile (the browser's own were held: all the server's).
 */
async function showDisplayFirst(page: Page, ids: number[]) {
  const before = summariesAtCatmaid();
  let displayRequests = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/display/')) displayRequests++;
  });
  const summaries = await holdRequests(page, '**/api/catmaid/1/skeletons/summary');
  const full = await holdRequests(page, '**/api/catmaid/1/skeletons/compact-detail');
  await page.goto(`${stack.base()}/?view=3d&pid=1&sel=${ids.join(',')}&vlod=coarse`);
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 60_000 });
  await expect(region).toHaveAttribute('data-neuron-count', String(ids.length));
  await expect(region).toHaveAttribute('data-full-pending', String(ids.length));
  const made = { requests: displayRequests, summaries: summariesAtCatmaid() - before };
  await summaries.release();
  await full.release();
  await expect(region).toHaveAttribute('data-full-ready', 'true', { timeout: 60_000 });
  return made;
}

test('the display requests of one view share one edition check at CATMAID; a second view asks anew', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const list = await page.request.get(`${stack.base()}/api/catmaid/1/skeletons/`);
  const ids = ((await list.json()) as number[]).slice(0, 120);
  expect(ids).toHaveLength(120);

  const { requests, summaries } = await showDisplayFirst(page, ids);
  expect(requests, 'the scene came in several display requests').toBeGreaterThan(2);
  expect(summaries, 'one edition check at CATMAID for all of them').toBe(1);
  // The server log says where each request's editions came from.
  const byDisplay = logLines.filter((l) => l.includes('(display '));
  expect(byDisplay).toHaveLength(requests);
  expect(byDisplay.filter((l) => /summary of \d+ ids for burst/.test(l))).toHaveLength(1);
  expect(byDisplay.filter((l) => l.endsWith('editions from burst'))).toHaveLength(requests - 1);

  // A colleague's fresh profile: the same scene from the server cache, its editions asked anew.
  logLines.length = 0;
  const second = await browser.newContext();
  try {
    const other = await second.newPage();
    const again = await showDisplayFirst(other, ids);
    expect(again.summaries, 'a new view is a new burst: checked anew, once').toBe(1);
    const warm = logLines.filter((l) => l.includes('(display '));
    expect(warm).toHaveLength(again.requests);
    expect(warm.filter((l) => /summary of \d+ ids for burst/.test(l))).toHaveLength(1);
    expect(warm.every((l) => /hits \d+ \(/.test(l) && l.includes('misses 0'))).toBe(true);
  } finally {
    await second.close();
  }
});
