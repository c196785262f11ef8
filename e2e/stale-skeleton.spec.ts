/**
 * Never a stale skeleton: a neuron shown in 3D is cached in the browser (OPFS); then it is
 * edited "in CATMAID" (the demo server's test-only edit drops nodes and moves its last edition
 * time on); after a reload the 3D view must show the new node count, not the cached copy.
 * The edit endpoint is reached on the demo server directly: the dashboard proxy refuses it.
 */
import type { Page } from '@playwright/test';
import { EDITS_DASHBOARD_PORT, EDITS_DEMO_PORT } from '../playwright.config.ts';
import { test, expect } from './fixtures.ts';
import { openView } from './helpers.ts';
import { opfsCopies } from './browser-copies.ts';

const DEMO = `http://127.0.0.1:${EDITS_DEMO_PORT}`;
/** PN DM1 left in the demo data. */
const SKELETON = 1092;

test.use({ baseURL: `http://127.0.0.1:${EDITS_DASHBOARD_PORT}` });

const viewer = (page: Page) => page.getByRole('region', { name: '3D viewer' });

async function shownNodes(page: Page): Promise<number> {
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-neuron-count', '1');
  return Number(await region.getAttribute('data-node-count'));
}

test('a skeleton edited in CATMAID is shown in its new shape after a reload', async ({
  page,
  request,
}) => {
  const summary = async () => {
    const r = await request.post(`${DEMO}/1/skeletons/summary`, {
      form: { 'skeleton_ids[0]': String(SKELETON) },
    });
    const body = (await r.json()) as Record<string, { num_nodes: number }>;
    return body[String(SKELETON)]?.num_nodes ?? -1;
  };
  const before = await summary();
  expect(before).toBeGreaterThan(100);

  await page.goto(`/?sel=${SKELETON}_ff0000`);
  await openView(page, '3D');
  expect(await shownNodes(page)).toBe(before);
  await expect(page.getByRole('status').filter({ hasText: /^Loaded 1 of 1 neurons/ })).toHaveText(
    `Loaded 1 of 1 neurons (${before.toLocaleString('en-US')} nodes)`,
  );
  // The copy is stored (OPFS) before anything changes, so the reload has a stale copy to resist.
  await expect.poll(() => opfsCopies(page), { timeout: 15_000 }).toBeGreaterThan(0);

  // The proxy never forwards the test-only edit.
  const viaProxy = await request.post(
    `/api/catmaid/1/test-edits/skeletons/${SKELETON}/drop-nodes`,
    {
      form: { count: '7' },
    },
  );
  expect(viaProxy.status()).toBe(403);

  const edit = await request.post(`${DEMO}/1/test-edits/skeletons/${SKELETON}/drop-nodes`, {
    form: { count: '7' },
  });
  expect(edit.ok()).toBe(true);
  expect(await summary()).toBe(before - 7);

  await page.reload();
  await openView(page, '3D');
  expect(await shownNodes(page)).toBe(before - 7);
  await expect(page.getByRole('status').filter({ hasText: /^Loaded 1 of 1 neurons/ })).toHaveText(
    `Loaded 1 of 1 neurons (${(before - 7).toLocaleString('en-US')} nodes)`,
  );
});
