/**
 * Connectivity view on the demo server: partner tables checked against the server's own raw
 * answer, every filter reflected in counts, totals and CSV; matrix and graph exports; 3D link;
 * errors stay inline.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { test, expect } from './fixtures.ts';
import { skeletonIdOf } from './raw-api.ts';
import { addToSelection, openView } from './helpers.ts';
import { checkFigureExports, downloadCsv } from './downloads.ts';

const QUERY = '/^MBON-a[123] left$/';
type Bins = [number, number, number, number, number];
interface Raw {
  incoming: Record<string, { num_nodes: number; skids: Record<string, Bins> }>;
  outgoing: Record<string, { num_nodes: number; skids: Record<string, Bins> }>;
}

async function rawConnectivity(request: APIRequestContext, sources: number[]): Promise<Raw> {
  const form: Record<string, string> = { boolean_op: 'OR' };
  sources.forEach((s, i) => (form[`source_skeleton_ids[${i}]`] = String(s)));
  return (await (
    await request.post('/api/catmaid/1/skeletons/connectivity', { form })
  ).json()) as Raw;
}

/** What the table must show: partners and synapses under (min confidence, per-source min, op). */
function expected(
  side: Raw['incoming'],
  sources: number[],
  minConf: number,
  min: number,
  op: 'OR' | 'AND',
) {
  let partners = 0;
  let synapses = 0;
  for (const p of Object.values(side)) {
    const counts = sources.map((s) =>
      (p.skids[String(s)] ?? [0, 0, 0, 0, 0]).slice(minConf - 1).reduce((a, b) => a + b, 0),
    );
    const pass = op === 'OR' ? counts.some((c) => c >= min) : counts.every((c) => c >= min);
    if (!pass) continue;
    partners++;
    synapses += counts.reduce((a, b) => a + b, 0);
  }
  return `${partners.toLocaleString('en-US')} partners · ${synapses.toLocaleString('en-US')} synapses`;
}

async function setup(page: Page, request: APIRequestContext) {
  // Start on the query's results so the helper cannot pick rows of the default listing.
  await page.goto(`/?q=${encodeURIComponent(QUERY)}`);
  const names = await addToSelection(page, QUERY);
  expect(names).toHaveLength(3);
  const ids = await Promise.all(names.map((n) => skeletonIdOf(request, n)));
  await openView(page, 'Connectivity');
  return { names, ids, raw: await rawConnectivity(request, ids) };
}

const summary = (page: Page, dir: 'Upstream' | 'Downstream') =>
  page.getByRole('status', { name: `${dir} partners summary` });

test('partner tables match the server and every filter reaches counts, totals and CSV', async ({
  page,
  request,
}) => {
  const { ids, raw } = await setup(page, request);
  await expect(summary(page, 'Upstream')).toHaveText(expected(raw.incoming, ids, 1, 1, 'OR'));
  await expect(summary(page, 'Downstream')).toHaveText(expected(raw.outgoing, ids, 1, 1, 'OR'));
  const table = page.getByRole('table', { name: 'Upstream partners' });
  const upCount = Object.keys(raw.incoming).length;
  await expect(table).toHaveAttribute('aria-rowcount', String(upCount + 2));

  const filters = page.getByRole('form', { name: 'Partner filters' });
  await filters.getByLabel('Min confidence').selectOption('3');
  await filters.getByLabel('Min synapses').fill('3');
  await expect(summary(page, 'Upstream')).toHaveText(expected(raw.incoming, ids, 3, 3, 'OR'));
  await expect(summary(page, 'Downstream')).toHaveText(expected(raw.outgoing, ids, 3, 3, 'OR'));

  // The CSV holds what the table shows: same rows, and a totals line equal to the summary.
  const csv = await downloadCsv(
    page,
    page.getByRole('group', { name: 'Export downstream partners' }),
  );
  const [header, ...rest] = csv;
  expect(header?.slice(0, 2)).toEqual(['partner', 'skeleton_id']);
  const totals = rest.at(-1) ?? [];
  const body = rest.slice(0, -1);
  const text = await summary(page, 'Downstream').innerText();
  const [partners, synapses] = text.match(/[\d,]+/g)?.map((s) => Number(s.replace(/,/g, ''))) ?? [];
  expect(body).toHaveLength(partners ?? -1);
  expect(Number(totals[2 + ids.length])).toBe(synapses);
  for (const row of body) {
    const counts = row.slice(2, 2 + ids.length).map(Number);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(3);
    expect(Number(row[2 + ids.length])).toBe(counts.reduce((a, b) => a + b, 0));
  }

  await filters.getByLabel('AND (all sources)').check();
  await expect(summary(page, 'Upstream')).toHaveText(expected(raw.incoming, ids, 3, 3, 'AND'));
  // The filters live in the URL: a reload (or a shared link) shows the same filtered table.
  await expect(page).toHaveURL(/cmin=3&cconf=3&cop=AND/);
  await page.reload();
  await expect(summary(page, 'Upstream')).toHaveText(expected(raw.incoming, ids, 3, 3, 'AND'));
  await expect(filters.getByLabel('AND (all sources)')).toBeChecked();
  await filters.getByLabel('OR (any source)').check();
  await filters.getByLabel('Min synapses').fill('1');
  await filters.getByLabel('Min confidence').selectOption('1');

  // Name filter and sort.
  await filters.getByLabel('Contains').fill('KC');
  const rows = table
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: /^Select (?!all rows)/ }) });
  await expect(rows.first()).toContainText('KC');
  for (const name of await rows.locator('td:nth-child(2)').allInnerTexts())
    expect(name).toContain('KC');
  await filters.getByLabel('Contains').fill('');
  await table.getByRole('button', { name: 'Partner' }).click();
  await expect(table.getByRole('columnheader', { name: 'Partner' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
});

test('adds partners to the selection and links a partner to 3D', async ({ page, request }) => {
  await setup(page, request);
  const table = page.getByRole('table', { name: 'Downstream partners' });
  const first = table
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox') })
    .nth(1);
  await first.getByRole('checkbox').check();
  await page
    .getByRole('region', { name: 'Downstream partners' })
    .getByRole('button', { name: 'Add 1 to selection' })
    .click();
  await expect(page.locator('.source-picker legend')).toContainText('4 of 4');
  await table
    .getByRole('button', { name: /^Show synapses with .* in 3D$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/view=3d/);
});

/** Canvas pixels close to the highlight yellow (#ffdd00). */
async function yellowPixels(page: Page): Promise<number> {
  const png = PNG.sync.read(
    await page.getByRole('region', { name: '3D viewer' }).locator('canvas').screenshot(),
  );
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
    if (r > 230 && g > 190 && g < 245 && b < 60) n++;
  }
  return n;
}

test('"3D" on a partner row, 3D never opened: markers drawn on top of the loaded partner', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const { ids, raw } = await setup(page, request);
  const table = page.getByRole('table', { name: 'Downstream partners' });
  // Names arrive after the rows (a partner is labelled by its id until then).
  await expect(
    table.getByRole('button', { name: /^Show synapses with .* in 3D$/ }).first(),
  ).toBeVisible();
  await expect(table.getByRole('button', { name: /^Show synapses with \d+ in 3D$/ })).toHaveCount(
    0,
  );
  // A partner outside the selection: the 3D view has to load it for context.
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: /^Show synapses with .* in 3D$/ }) })
    .filter({ hasNot: page.getByTitle('in the selection') })
    .first();
  const button = row.getByRole('button', { name: /^Show synapses with .* in 3D$/ });
  const label = (await button.getAttribute('aria-label')) ?? '';
  const partnerName = label.replace(/^Show synapses with /, '').replace(/ in 3D$/, '');
  const partnerId = await skeletonIdOf(request, partnerName);
  // The row's synapse count under the default filters (the first test checks the table
  // against this raw answer).
  const bins = raw.outgoing[String(partnerId)]?.skids ?? {};
  const synapses = ids
    .map((s) => (bins[String(s)] ?? [0, 0, 0, 0, 0]).reduce((a, b) => a + b, 0))
    .reduce((a, b) => a + b, 0);
  expect(synapses).toBeGreaterThan(0);

  await button.click();
  await expect(page).toHaveURL(/view=3d/);
  const region = page.getByRole('region', { name: '3D viewer' });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-highlighted-synapses', String(synapses));
  // The partner's arbor is loaded (dimmed, not added to the selection) with the three sources.
  await expect(region).toHaveAttribute('data-context-neurons', '1');
  await expect(region).toHaveAttribute('data-neuron-count', '4');
  const legend = page.getByRole('region', { name: 'Legend' });
  await expect(legend).toContainText(`${synapses} highlighted synapses`);
  await expect(legend).toContainText(`${partnerName} (not in the selection)`);

  // Drawn on top: the yellow markers are visible pixels, and grow with the size slider.
  const before = await yellowPixels(page);
  expect(before, 'highlighted synapses visible').toBeGreaterThan(synapses * 10);
  await legend.getByLabel('Synapse marker size').fill('30');
  await expect(page).toHaveURL(/vmk=30/);
  await expect.poll(() => yellowPixels(page)).toBeGreaterThan(before * 1.5);
  await page.screenshot({ path: '/tmp/h6-highlight.png' });
});

test('"Show synapses in 3D" under the matrix draws the pair\'s synapses, 3D never opened', async ({
  page,
  request,
}) => {
  const { ids, names } = await setup(page, request);
  const form: Record<string, string> = {};
  ids.forEach((id, i) => {
    form[`rows[${i}]`] = String(id);
    form[`columns[${i}]`] = String(id);
  });
  const raw = (await (
    await request.post('/api/catmaid/1/skeleton/connectivity_matrix', { form })
  ).json()) as Record<string, Record<string, number>>;
  const pairs = ids.flatMap((a, i) =>
    ids.map((b, j) => ({ i, j, n: a === b ? 0 : (raw[String(a)]?.[String(b)] ?? 0) })),
  );
  const pair = pairs.find((p) => p.n > 0);
  if (!pair) throw new Error('the demo data has no synapses among these neurons');
  await page.getByRole('tab', { name: 'Adjacency matrix' }).click();
  const picker = page.getByRole('group', { name: 'Synapses of a pair' });
  await picker.getByLabel('From').selectOption({ label: names[pair.i] ?? '' });
  await picker.getByLabel('onto').selectOption({ label: names[pair.j] ?? '' });
  await picker.getByRole('button', { name: 'Show synapses in 3D' }).click();
  await expect(page).toHaveURL(/view=3d/);
  const region = page.getByRole('region', { name: '3D viewer' });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-highlighted-synapses', String(pair.n));
  await expect(region).toHaveAttribute('data-context-neurons', '0');
});

test('adjacency matrix: orders, threshold, SVG / PNG / CSV exports', async ({ page, request }) => {
  const { ids, names } = await setup(page, request);
  await page.getByRole('tab', { name: 'Adjacency matrix' }).click();
  await expect(page.locator('[data-plot-ready="true"]')).toBeVisible();
  const form: Record<string, string> = {};
  ids.forEach((id, i) => {
    form[`rows[${i}]`] = String(id);
    form[`columns[${i}]`] = String(id);
  });
  const raw = (await (
    await request.post('/api/catmaid/1/skeleton/connectivity_matrix', { form })
  ).json()) as Record<string, Record<string, number>>;
  const group = page.getByRole('group', { name: 'Export matrix' });
  const csv = await downloadCsv(page, group);
  const label = (i: number) => `${names[i]} (${ids[i]})`;
  const order = [...names.keys()].sort((a, b) => (names[a] ?? '').localeCompare(names[b] ?? ''));
  expect(csv[0]?.slice(1)).toEqual(order.map(label));
  for (const [r, pre] of order.entries())
    for (const [c, post] of order.entries())
      expect(Number(csv[r + 1]?.[c + 1]), `${pre}→${post}`).toBe(
        raw[String(ids[pre])]?.[String(ids[post])] ?? 0,
      );
  await page.getByLabel('Threshold (min synapses)').fill('15');
  const cut = await downloadCsv(page, group);
  for (const [r, pre] of order.entries())
    for (const [c, post] of order.entries()) {
      const n = raw[String(ids[pre])]?.[String(ids[post])] ?? 0;
      expect(Number(cut[r + 1]?.[c + 1])).toBe(n >= 15 ? n : 0);
    }
  await page.getByLabel('Order').selectOption('cluster');
  await expect(page.locator('[data-plot-ready="true"]')).toBeVisible();
  await checkFigureExports(page, group, 640, 480);
});

test('network graph: nodes in the selection colours, SVG and PNG exports', async ({
  page,
  request,
}) => {
  await setup(page, request);
  await page.getByRole('tab', { name: 'Network graph' }).click();
  await expect(page.getByRole('status', { name: 'Graph summary' })).toHaveText(
    /^8 neurons · \d+ edges$/,
  );
  const svg = page.getByRole('img', { name: 'Network graph of the selection' });
  await expect(svg.locator('circle')).toHaveCount(8);
  await checkFigureExports(page, page.getByRole('group', { name: 'Export graph' }), 800, 500);
});

test.describe('errors stay inline', () => {
  test.use({ expectedConsoleErrors: ['status of 500'] });
  test('a failing connectivity request shows a message and keeps the rest', async ({ page }) => {
    await page.route('**/skeletons/connectivity', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'boom', type: 'Exception' }),
      }),
    );
    await page.goto(`/?q=${encodeURIComponent(QUERY)}`);
    await addToSelection(page, QUERY);
    await openView(page, 'Connectivity');
    await expect(page.getByRole('alert')).toContainText('Connectivity failed', { timeout: 30_000 });
    await expect(page.locator('.source-picker legend')).toContainText('3 of 3');
    await page.getByRole('tab', { name: 'Adjacency matrix' }).click();
    await expect(page.locator('[data-plot-ready="true"]')).toBeVisible();
  });
});

test('an empty selection says what to do', async ({ page }) => {
  await page.goto('/?view=connectivity');
  await expect(page.getByRole('status')).toContainText('The selection is empty');
});

test('network graph with 20 partners fills the frame and its labels do not overlap', async ({
  page,
  request,
}) => {
  await setup(page, request);
  await page.getByRole('tab', { name: 'Network graph' }).click();
  await page.getByLabel('Top partners').selectOption('20');
  await expect(page.getByRole('status', { name: 'Graph summary' })).toHaveText(
    /^23 neurons · \d+ edges$/,
  );
  const svg = page.getByRole('img', { name: 'Network graph of the selection' });
  await expect(svg.locator('circle')).toHaveCount(23);
  const frame = await svg.boundingBox();
  const boxes = await svg
    .locator('.net-labels text')
    .evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox()));
  const nodes = await svg
    .locator('circle')
    .evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBoundingClientRect()));
  expect(boxes.length).toBeGreaterThanOrEqual(15);
  for (const a of boxes)
    for (const b of boxes)
      if (a !== b)
        expect(
          a.x < b.x + b.width &&
            b.x < a.x + a.width &&
            a.y < b.y + b.height &&
            b.y < a.y + a.height,
        ).toBe(false);
  if (!frame) throw new Error('no graph');
  const ys = nodes.map((n) => n.y + n.height / 2);
  expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThanOrEqual(0.8 * frame.height);
  await svg.screenshot({ path: test.info().outputPath('graph.png') });
  if (process.env.H7_GRAPH_SHOT) await svg.screenshot({ path: process.env.H7_GRAPH_SHOT });
});
