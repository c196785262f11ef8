/**
 * Display first (issue 14): a huge scene is drawn from each skeleton's display form (its coarse
 * level, synapses and soma, derived once by the dashboard server), is ready before any full
 * skeleton arrives, and loads the full data afterwards. The demo's projects are far below the
 * automatic threshold, so the coarse Detail value (which also loads display first) stands in.
 * Checked: the scene is complete (every coarse segment, counted here from the raw answers) while
 * every full compact-detail request is held back; the full data then arrives and picking works;
 * a reload draws from the browser's display copies with the display route refused; and a
 * dashboard server without the route still shows the scene, loaded in full.
 */
import { test, expect } from './fixtures.ts';
import { someSkeletons } from './helpers.ts';
import { clickNearestDrawnPixel, viewer } from './canvas.ts';
import { coarseSegments, rawTree } from './coarse-tree.ts';
import { copyKeys, removeCopies } from './browser-copies.ts';
import { holdRequests } from './held-requests.ts';

const DISPLAY_ROUTE = '**/api/display/1/skeletons';
const FULL_ROUTE = '**/api/catmaid/1/skeletons/compact-detail';

test('a scene drawn display first is complete before any full skeleton, then gets it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto('/');
  await removeCopies(page);
  const ids = await someSkeletons(page, 3);
  const trees = await Promise.all(ids.map((id) => rawTree(page, id)));
  const segments = trees.reduce((s, t) => s + coarseSegments(t), 0);
  let displayRequests = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/display/')) displayRequests++;
  });
  const full = await holdRequests(page, FULL_ROUTE);

  await page.goto(`/?view=3d&pid=1&sel=${ids.join(',')}&vlod=coarse`);
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-detail', 'coarse');
  await expect(region).toHaveAttribute('data-segments', String(segments));
  await expect(region).toHaveAttribute('data-neuron-count', String(ids.length));
  expect(displayRequests).toBeGreaterThan(0);
  // Nothing of the full data has arrived: it is asked only now, and held.
  await expect(region).toHaveAttribute('data-full-pending', String(ids.length));
  await expect(region).toHaveAttribute('data-full-ready', 'false');
  await expect(
    page.getByRole('status').filter({ hasText: 'Drawn from their display form' }),
  ).toContainText(`details of ${ids.length} neurons`);
  await expect.poll(() => full.count()).toBeGreaterThan(0);

  await full.release();
  await expect(region).toHaveAttribute('data-full-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-full-pending', '0');
  await expect(region).toHaveAttribute('data-segments', String(segments));
  await page.getByRole('checkbox', { name: 'Somata' }).uncheck();
  await page.getByRole('checkbox', { name: 'Presynaptic sites' }).uncheck();
  await page.getByRole('checkbox', { name: 'Postsynaptic sites' }).uncheck();
  await expect(region).toHaveAttribute('data-show-post', 'false');
  await clickNearestDrawnPixel(page);
  const panel = page.getByRole('region', { name: 'Selected node' });
  await expect(panel).toContainText(/Created\s*\d{4}-\d{2}-\d{2}/);
  const nodeId = Number(/Node\s*(\d+)/.exec((await panel.textContent()) ?? '')?.[1]);
  expect(
    trees.some((t) => t.ids.includes(nodeId)),
    'a real node of a shown skeleton',
  ).toBe(true);

  // The browser keeps the display forms: a reload draws them with the display route refused.
  await expect.poll(() => copyKeys(page, 'display3d:v1|'), { timeout: 30_000 }).toBe(ids.length);
  await page.route(DISPLAY_ROUTE, (route) => route.abort());
  const heldAgain = await holdRequests(page, FULL_ROUTE);
  await page.reload();
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-segments', String(segments));
  await heldAgain.release();
  await expect(region).toHaveAttribute('data-full-ready', 'true', { timeout: 30_000 });
});

test.describe('a dashboard server without display forms', () => {
  test.use({ expectedConsoleErrors: ['404'] });

  test('still shows the scene, loaded in full', async ({ page }) => {
    await page.goto('/');
    await removeCopies(page);
    const ids = await someSkeletons(page, 2);
    const trees = await Promise.all(ids.map((id) => rawTree(page, id)));
    await page.route(DISPLAY_ROUTE, (route) =>
      route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }),
    );
    await page.goto(`/?view=3d&pid=1&sel=${ids.join(',')}&vlod=coarse`);
    const region = viewer(page);
    await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
    await expect(region).toHaveAttribute('data-full-ready', 'true');
    await expect(region).toHaveAttribute('data-full-pending', '0');
    await expect(region).toHaveAttribute(
      'data-segments',
      String(trees.reduce((s, t) => s + coarseSegments(t), 0)),
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('full data that keeps failing after display first', () => {
  test.use({ expectedConsoleErrors: ['500'] });

  test('is listed with a Retry that loads it, the drawn scene kept', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await removeCopies(page);
    const ids = await someSkeletons(page, 2);
    await page.route(FULL_ROUTE, (route) =>
      route.fulfill({ status: 500, contentType: 'text/plain', body: 'server error' }),
    );
    await page.goto(`/?view=3d&pid=1&sel=${ids.join(',')}&vlod=coarse`);
    const region = viewer(page);
    await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await expect(alert).toContainText(`Details of ${ids.length} neurons`, { timeout: 60_000 });
    await expect(alert.getByRole('list', { name: 'Neurons without details' })).toContainText(
      `skeleton ${ids[0]}`,
    );
    await expect(region).toHaveAttribute('data-neuron-count', String(ids.length));
    await expect(region).toHaveAttribute('data-full-ready', 'false');

    await page.unroute(FULL_ROUTE);
    await alert.getByRole('button', { name: 'Retry failed' }).click();
    await expect(region).toHaveAttribute('data-full-ready', 'true', { timeout: 60_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
