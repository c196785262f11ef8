/**
 * Stats view on the demo server: contributions over a range longer than 180 days (split
 * requests) against one raw user-history answer, "who built" against raw compact-detail rows,
 * time invested, every export, and inline errors for malformed dates and a failing server.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { addToSelection, openView } from './helpers.ts';
import { checkFigureExports, downloadCsv } from './downloads.ts';
import { removeCopies } from './browser-copies.ts';

const QUERY = '/^MBON-a[12] left$/';
const fmt = (n: number) => n.toLocaleString('en-US');

async function rawHistoryNodes(request: APIRequestContext, start: string, end: string) {
  const res = await request.get('/api/catmaid/1/stats/user-history', {
    params: { start_date: start, end_date: end, time_zone: 'UTC' },
  });
  const body = (await res.json()) as {
    stats_table: Record<string, Record<string, { new_treenodes?: number }>>;
  };
  let nodes = 0;
  for (const days of Object.values(body.stats_table))
    for (const d of Object.values(days)) nodes += d.new_treenodes ?? 0;
  return nodes;
}

async function rawNodeCount(request: APIRequestContext, names: string[]): Promise<number> {
  let total = 0;
  for (const name of names) {
    const q = await request.post('/api/catmaid/1/annotations/query-targets', {
      form: { name, name_exact: 'true', 'types[0]': 'neuron' },
    });
    const skid = ((await q.json()) as { entities: { skeleton_ids: number[] }[] }).entities[0]
      ?.skeleton_ids[0];
    const cd = await request.get(`/api/catmaid/1/skeletons/${skid}/compact-detail`);
    total += ((await cd.json()) as unknown[][])[0]?.length ?? 0;
  }
  return total;
}

async function withSelection(page: Page) {
  await page.goto(`/?q=${encodeURIComponent(QUERY)}`);
  const names = await addToSelection(page, QUERY);
  await openView(page, 'Stats');
  return names;
}

test('contributions over a year (3 requests) match one raw answer; exports; bad dates inline', async ({
  page,
  request,
}) => {
  await page.goto('/?view=stats');
  const section = page.getByRole('region', { name: 'Project contributions' });
  await section.getByLabel('From (YYYY-MM-DD)').fill('2025-01-01');
  await section.getByLabel('To (YYYY-MM-DD)').fill('2025-12-31');
  await section.getByRole('button', { name: 'Show' }).click();
  await expect(section.getByRole('status', { name: 'Contributions summary' })).toContainText(
    '2025-01-01 – 2025-12-31',
  );
  const expectedNodes = await rawHistoryNodes(request, '2025-01-01', '2025-12-31');
  expect(expectedNodes).toBeGreaterThan(0);
  const table = section.getByRole('table', { name: 'Contributions per user' });
  const footer = table.getByRole('row').filter({ hasText: 'Total' });
  await expect(footer.getByRole('cell').nth(2)).toHaveText(fmt(expectedNodes));

  const csv = await downloadCsv(
    page,
    section.getByRole('group', { name: 'Export contributions chart' }),
  );
  expect(csv[0]).toEqual([
    'period',
    'user_id',
    'user',
    'new_cable_um',
    'new_nodes',
    'new_synaptic_links',
    'reviewed_nodes',
  ]);
  expect(csv.slice(1).reduce((s, r) => s + Number(r[4] ?? 0), 0)).toBe(expectedNodes);
  await expect(section.locator('[data-plot-ready="true"]')).toBeVisible();
  await checkFigureExports(
    page,
    section.getByRole('group', { name: 'Export contributions chart' }),
  );
  const totals = await downloadCsv(
    page,
    section.getByRole('group', { name: 'Export contribution totals' }),
  );
  expect(Number(totals.at(-1)?.[3])).toBe(expectedNodes);

  await section.getByLabel('From (YYYY-MM-DD)').fill('2025-13-45');
  await section.getByRole('button', { name: 'Show' }).click();
  await expect(section.getByRole('alert')).toContainText('not a valid date');
  // The last good result stays.
  await expect(footer.getByRole('cell').nth(2)).toHaveText(fmt(expectedNodes));
});

test('who built the selection, time invested, and their exports', async ({ page, request }) => {
  const names = await withSelection(page);
  const who = page.getByRole('region', { name: 'Who built these neurons' });
  const nodes = await rawNodeCount(request, names);
  await expect(who.getByRole('status', { name: 'Who built summary' })).toContainText(
    `${names.length} neurons`,
  );
  await expect(who.getByRole('status', { name: 'Who built summary' })).toContainText(
    `${fmt(nodes)} nodes`,
  );
  const csv = await downloadCsv(
    page,
    who.getByRole('group', { name: 'Export contributors table' }),
  );
  expect(csv.slice(1, -1).reduce((s, r) => s + Number(r[2]), 0)).toBe(nodes);
  await expect(who.locator('[data-plot-ready="true"]')).toBeVisible();
  await checkFigureExports(
    page,
    who.getByRole('group', { name: 'Export contributors chart' }),
    500,
    300,
  );

  const time = page.getByRole('region', { name: 'Time invested' });
  await time.getByLabel('Minimum actions per minute').fill('2');
  await time.getByRole('button', { name: 'Compute time invested' }).click();
  await expect(time.getByRole('status', { name: 'Time invested summary' })).toContainText(
    'users with enough activity',
    { timeout: 30_000 },
  );
  const rows = await downloadCsv(
    page,
    time.getByRole('group', { name: 'Export time invested chart' }),
  );
  expect(rows[0]?.[3]).toBe('total_minutes');
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.slice(1).some((r) => Number(r[3]) > 0)).toBe(true);
  await checkFigureExports(
    page,
    time.getByRole('group', { name: 'Export time invested chart' }),
    600,
    400,
  );
});

test('project summary totals come from the server', async ({ page, request }) => {
  await page.goto('/?view=stats');
  const agg = (await (await request.get('/api/catmaid/1/stats/aggregates')).json()) as {
    n_skeletons: number;
    n_treenodes: number;
  };
  const totals = page.getByRole('definition');
  await expect(page.getByLabel('Project totals')).toContainText(fmt(agg.n_skeletons));
  await expect(page.getByLabel('Project totals')).toContainText(fmt(agg.n_treenodes));
  expect(await totals.count()).toBeGreaterThanOrEqual(5);
  const summary = page.getByRole('region', { name: 'Project summary' });
  await expect(summary.locator('[data-plot-ready="true"]')).toBeVisible();
  await checkFigureExports(
    page,
    summary.getByRole('group', { name: 'Export activity chart' }),
    700,
    300,
  );
});

test.describe('a failing server', () => {
  test.use({ expectedConsoleErrors: ['status of 500'] });
  test('user history 500 is an inline message; the rest of the view works', async ({ page }) => {
    await page.route('**/stats/user-history**', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'boom', type: 'Exception' }),
      }),
    );
    await page.goto('/?view=stats');
    await expect(
      page.getByRole('region', { name: 'Project contributions' }).getByRole('alert'),
    ).toContainText('User history failed', { timeout: 30_000 });
    await expect(page.getByLabel('Project totals')).toContainText('Neurons');
  });
});

test.describe('every Stats error can be retried where it is shown', () => {
  test.use({ expectedConsoleErrors: ['status of 500', 'status of 502', 'status of 503'] });

  const loginPage =
    '<html><head><title>Sign in</title></head><body><input type="password"></body></html>';

  test('project totals, node counts and activity fail with their cause, and Retry recovers', async ({
    page,
  }) => {
    await page.route('**/stats/aggregates**', (r) =>
      r.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' }),
    );
    await page.route('**/stats/nodecount**', (r) =>
      r.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' }),
    );
    await page.route('**/stats/user-history**', (r) =>
      r.fulfill({ status: 200, contentType: 'text/html', body: loginPage }),
    );
    await page.goto('/?view=stats');
    const summary = page.getByRole('region', { name: 'Project summary' });
    const alert = (context: string) => summary.getByRole('alert').filter({ hasText: context });
    await expect(alert('Project totals failed')).toContainText('502', { timeout: 40_000 });
    await expect(alert('Node counts failed')).toContainText('503', { timeout: 40_000 });
    await expect(alert('Activity failed')).toContainText(/login page/i);
    await expect(alert('Activity failed')).toContainText('Sign in');
    await page.unrouteAll();
    for (const context of ['Project totals failed', 'Node counts failed', 'Activity failed']) {
      await alert(context).getByRole('button', { name: 'Retry', exact: true }).click();
      await expect(alert(context)).toHaveCount(0);
    }
    await expect(page.getByLabel('Project totals')).not.toContainText('—');
    await expect(summary.locator('[data-plot-ready="true"]')).toBeVisible();
  });

  test('a stalled request ends in a timeout message instead of loading forever', async ({
    page,
  }) => {
    // A short idle timeout from the server's config, so the stall shows in seconds.
    await page.route('**/api/config', async (route) => {
      const res = await route.fetch();
      const json = { ...((await res.json()) as object), requestTimeoutMs: 1500 };
      // Not `response: res`: its content-length is that of the original body.
      await route.fulfill({ status: res.status(), json });
    });
    let stalled = true;
    await page.route('**/stats/user-history**', async (route) => {
      if (stalled) return; // never answered: only the client's idle timeout ends it
      await route.continue();
    });
    await page.goto('/?view=stats');
    const summary = page.getByRole('region', { name: 'Project summary' });
    const activity = summary.getByRole('alert').filter({ hasText: 'Activity failed' });
    await expect(activity).toContainText(/timed out|did not answer in time/i, { timeout: 10_000 });
    await expect(summary.getByText('Loading activity…')).toHaveCount(0);
    stalled = false;
    await activity.getByRole('button', { name: 'Retry', exact: true }).click();
    await expect(activity).toHaveCount(0);
    await expect(summary.locator('[data-plot-ready="true"]')).toBeVisible();
  });

  test('who built: failed skeletons have a Retry that loads them', async ({ page }) => {
    await withSelection(page);
    const who = page.getByRole('region', { name: 'Who built these neurons' });
    await expect(who.getByRole('status', { name: 'Who built summary' })).toBeVisible();
    // A fresh page with the same selection, without the browser's skeleton copies (removed
    // from a same-origin page where no worker holds them): its skeletons now fail.
    const url = page.url();
    await page.goto('/api/config');
    await removeCopies(page);
    await page.route('**/compact-detail**', (r) =>
      r.fulfill({ status: 500, json: { error: 'skeleton store offline', type: 'Exception' } }),
    );
    await page.goto(url);
    const failed = who.getByRole('alert').filter({ hasText: 'Skeletons failed' });
    await expect(failed).toContainText('skeleton store offline', { timeout: 40_000 });
    await page.unrouteAll();
    await failed.getByRole('button', { name: 'Retry', exact: true }).click();
    await expect(failed).toHaveCount(0);
    await expect(who.getByRole('status', { name: 'Who built summary' })).toContainText('neurons');
  });
});
