/**
 * The dashboard server asks CATMAID's edition times once per burst of display requests
 * (server/cache/burst-editions.ts): a scene drawn display first comes as several display requests,
 * and CATMAID sees ONE `skeletons/summary` for all of them; a second viewer of the same scene (a
 * new burst) is checked anew. The spec runs its own stack (an in-process demo server that records
 * requests) so no other test's traffic moves the counts. The browser's own edition checks and its
 * full loads are held meanwhile: every summary CATMAID sees then comes from the display route.
 * The full loads that follow name their burst too, so their compact-detail batches share a
 * summary as well (server/cache/serve-cached.ts).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { holdRequests } from './held-requests.ts';
import { ownStack } from './own-stack.ts';
import { viewer } from './canvas.ts';

const logLines: string[] = [];
const stack = ownStack('display-burst', (line) => logLines.push(line));

/** The cache's log lines for compact-detail batches (the full loads). */
const fullLines = () => logLines.filter((l) => l.includes('/skeletons/compact-detail ('));

const summariesAtCatmaid = () =>
  stack
    .demo()
    .requests()
    .filter((r) => r.path.endsWith('/skeletons/summary')).length;

/**
 * Opens the scene display first. Resolves, once complete, with the display requests it made and
 * the summaries CATMAID answered meanwhile (the browser's own were held: all the server's); then,
 * once the full data is in, with what its compact-detail batches asked.
 */
async function showDisplayFirst(page: Page, ids: number[]) {
  const before = summariesAtCatmaid();
  let displayRequests = 0;
  let browserSummaries = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/display/')) displayRequests++;
    if (r.url().includes('/api/catmaid/1/skeletons/summary')) browserSummaries++;
  });
  const summaries = await holdRequests(page, '**/api/catmaid/1/skeletons/summary');
  const full = await holdRequests(page, '**/api/catmaid/1/skeletons/compact-detail');
  await page.goto(`${stack.base()}/?view=3d&pid=1&sel=${ids.join(',')}&vlod=coarse`);
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 60_000 });
  await expect(region).toHaveAttribute('data-neuron-count', String(ids.length));
  await expect(region).toHaveAttribute('data-full-pending', String(ids.length));
  const made = { requests: displayRequests, summaries: summariesAtCatmaid() - before };
  const atRelease = { summaries: summariesAtCatmaid(), lines: fullLines().length };
  await summaries.release();
  await full.release();
  await expect(region).toHaveAttribute('data-full-ready', 'true', { timeout: 60_000 });
  const batches = fullLines().slice(atRelease.lines);
  const fullPass = {
    requests: batches.length,
    /** Summaries the batches asked CATMAID for (the others' editions came from their burst). */
    asked: batches.filter((l) => /, summary of \d+ ids/.test(l)).length,
    /** Every summary CATMAID answered since the release, less the browser's own checks. */
    atCatmaid: summariesAtCatmaid() - atRelease.summaries - browserSummaries,
  };
  return { ...made, fullPass };
}

test('the display requests of one view share one edition check at CATMAID; a second view asks anew', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const list = await page.request.get(`${stack.base()}/api/catmaid/1/skeletons/`);
  const ids = ((await list.json()) as number[]).slice(0, 120);
  expect(ids).toHaveLength(120);

  const first = await showDisplayFirst(page, ids);
  const { requests, summaries } = first;
  expect(requests, 'the scene came in several display requests').toBeGreaterThan(2);
  expect(summaries, 'one edition check at CATMAID for all of them').toBe(1);
  // The server log says where each request's editions came from.
  const byDisplay = logLines.filter((l) => l.includes('(display '));
  expect(byDisplay).toHaveLength(requests);
  expect(byDisplay.filter((l) => /summary of \d+ ids for burst/.test(l))).toHaveLength(1);
  expect(byDisplay.filter((l) => l.endsWith('editions from burst'))).toHaveLength(requests - 1);
  // The full data after it: several compact-detail batches, a summary or two between them (one
  // per 10 s of a burst), and CATMAID saw no other summary than those and the browser's own.
  const { fullPass } = first;
  expect(fullPass.requests, 'the full data came in several batches').toBeGreaterThan(2);
  expect(fullPass.asked, 'the batches shared their burst’s summary').toBeLessThanOrEqual(2);
  expect(fullPass.atCatmaid).toBeLessThanOrEqual(fullPass.asked);

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
