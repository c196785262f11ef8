import type { APIRequestContext, Page, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { addToSelection, resultNames, searchByName } from './helpers.ts';

const results = (page: Page) => page.getByRole('region', { name: 'Search results' });
const status = (page: Page) => results(page).getByRole('status');

async function count(page: Page): Promise<number> {
  await expect(status(page)).toHaveText(/^[\d,]+ neurons? match(es)?$/);
  return Number((await status(page).innerText()).replace(/ .*/, '').replace(/,/g, ''));
}

/** Asks the demo server (through the proxy) how many neurons a query-targets search matches. */
async function serverCount(
  request: APIRequestContext,
  form: Record<string, string | string[]>,
): Promise<number> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries({
    'types[0]': 'neuron',
    range_start: '0',
    range_length: '1',
    ...form,
  })) {
    for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  }
  const res = await request.post('/api/catmaid/1/annotations/query-targets', {
    data: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return ((await res.json()) as { totalRecords: number }).totalRecords;
}

async function annotationId(request: APIRequestContext, name: string): Promise<number> {
  const res = await request.get('/api/catmaid/1/annotations/?simple=true');
  const { annotations } = (await res.json()) as { annotations: { id: number; name: string }[] };
  const found = annotations.find((a) => a.name === name);
  if (!found) throw new Error(`no annotation ${name}`);
  return found.id;
}

async function setAnnotationRow(
  page: Page,
  index: number,
  name: string,
  options: { not?: boolean; sub?: boolean } = {},
) {
  if (
    (await page.getByRole('combobox', { name: `Annotation ${index}`, exact: true }).count()) === 0
  ) {
    await page.getByRole('button', { name: 'Add annotation row' }).click();
  }
  await page.getByRole('combobox', { name: `Annotation ${index}`, exact: true }).fill(name);
  await page.keyboard.press('Escape');
  await page.getByLabel(`Annotation ${index}: exclude (NOT)`).setChecked(options.not ?? false);
  await page
    .getByLabel(`Annotation ${index}: include sub-annotations`)
    .setChecked(options.sub ?? false);
}

const submit = (page: Page) => page.getByRole('button', { name: 'Search', exact: true }).click();

test('lists every demo neuron, sorted by name, with server and project in the header', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByLabel('CATMAID server')).toContainText('Embedded demo server');
  await expect(page.getByLabel('Project')).toContainText('Demo larva');
  expect(await count(page)).toBeGreaterThanOrEqual(150);
  const names = await resultNames(page);
  expect(names.length).toBeGreaterThan(10);
  const byCodePoint = [...names].sort();
  const byLocale = [...names].sort((a, b) => a.localeCompare(b));
  expect([byCodePoint, byLocale]).toContainEqual(names);
});

test('name substring, case-sensitive and exact', async ({ page }) => {
  await page.goto('/');
  await searchByName(page, 'pn da1');
  for (const name of await resultNames(page)) expect(name.toLowerCase()).toContain('pn da1');
  const insensitive = await count(page);
  await page.getByLabel('Case-sensitive').check();
  await submit(page);
  await expect(page).toHaveURL(/cs=1/);
  expect(await count(page)).toBe(0);
  await page.getByLabel('Neuron name').fill('APL left');
  await page.getByLabel('Exact match').check();
  await submit(page);
  await expect(status(page)).toHaveText('1 neuron matches');
  expect(insensitive).toBeGreaterThan(0);
});

test('regular expression, and an invalid one gets an inline message that keeps the results', async ({
  page,
}) => {
  await page.goto('/');
  await searchByName(page, '/^KC.*left$/');
  await expect(page).toHaveURL(/q=%2F%5EKC/);
  const names = await resultNames(page);
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toMatch(/^KC.*left$/i);
  await page.getByLabel('Neuron name').fill('/KC (left/');
  await submit(page);
  await expect(page.getByRole('alert')).toContainText('Invalid regular expression');
  expect(await resultNames(page)).toEqual(names);
});

test('annotations: AND of rows, NOT, and sub-annotations', async ({ page, request }) => {
  await page.goto('/');
  // "cell type" is a meta-annotation: neurons carry its sub-annotations, not it.
  await setAnnotationRow(page, 1, 'cell type');
  await submit(page);
  expect(await count(page)).toBe(0);
  await setAnnotationRow(page, 1, 'cell type', { sub: true });
  await submit(page);
  const all = await count(page);
  expect(all).toBe(
    await serverCount(request, {
      'annotated_with[0]': String(await annotationId(request, 'cell type')),
      'sub_annotated_with[0]': String(await annotationId(request, 'cell type')),
    }),
  );

  await setAnnotationRow(page, 1, 'PN', { sub: true });
  await setAnnotationRow(page, 2, 'left');
  await setAnnotationRow(page, 3, 'complete', { not: true });
  await submit(page);
  await expect(page).toHaveURL(/a=s%3APN&a=%3Aleft&a=n%3Acomplete/);
  const n = await count(page);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(all);
  for (const row of await results(page)
    .getByRole('list', { name: /^Annotations of / })
    .all()) {
    const chips = await row.getByRole('listitem').allInnerTexts();
    expect(chips).toContain('left');
    expect(chips).not.toContain('complete');
  }
});

test('annotator and annotation date range', async ({ page, request }) => {
  await page.goto('/');
  await setAnnotationRow(page, 1, 'cell type', { sub: true });
  await page.getByRole('combobox', { name: 'Annotated by' }).fill('aort');
  await page.getByRole('option', { name: /^aortiz/ }).click();
  await submit(page);
  const cellType = String(await annotationId(request, 'cell type'));
  const users = (await (await request.get('/api/catmaid/user-list')).json()) as {
    id: number;
    login: string;
  }[];
  const uid = String(users.find((u) => u.login === 'aortiz')?.id);
  const expected = await serverCount(request, {
    'annotated_with[0]': cellType,
    'sub_annotated_with[0]': cellType,
    annotated_by: uid,
  });
  expect(expected).toBeGreaterThan(0);
  expect(await count(page)).toBe(expected);

  await page.getByLabel('Annotated from').fill('2030-01-01');
  await submit(page);
  expect(await count(page)).toBe(0);
  await page.getByLabel('Annotated until').fill('2029-01-01');
  await submit(page);
  await expect(page.getByRole('alert')).toContainText('ends (2029-01-01) before it starts');
});

test('pasted skeleton ids, with a clear message for ids that do not exist', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Skeleton IDs').fill('1084\n1000, 999999999');
  await submit(page);
  await expect(status(page)).toHaveText('2 neurons match');
  expect((await resultNames(page)).sort()).toEqual(['ORN 1a left', 'PN DA1 lPN left']);
  await expect(page.getByRole('alert')).toContainText(
    'Not found on this server: skeleton 999999999',
  );
  await page.getByLabel('Skeleton IDs').fill('1084 abc');
  await submit(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Not skeleton IDs' })).toContainText(
    'Not skeleton IDs: "abc"',
  );
});

test('upstream of a neuron with at least N synapses', async ({ page, request }) => {
  const res = await request.post('/api/catmaid/1/skeletons/connectivity', {
    data: 'source_skeleton_ids[0]=1084&boolean_op=OR',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const incoming = (
    (await res.json()) as { incoming: Record<string, { skids: Record<string, number[]> }> }
  ).incoming;
  const expected = Object.values(incoming).filter(
    (p) => (p.skids['1084'] ?? []).reduce((a, b) => a + b, 0) >= 3,
  ).length;
  expect(expected).toBeGreaterThan(0);
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Partners', exact: true }).selectOption('upstream');
  await page.getByLabel('Source skeleton ID').fill('1084');
  await page.getByLabel('Minimum synapses').fill('3');
  await submit(page);
  await expect(page).toHaveURL(/rel=up&of=neuron%3A1084&min=3/);
  expect(await count(page)).toBe(expected);
  // Combined with a name filter, the partners are intersected with the name matches.
  await page.getByLabel('Neuron name').fill('ORN');
  await submit(page);
  for (const name of await resultNames(page)) expect(name).toContain('ORN');
});

test('sorts on a column, selects rows by click and shift-click, and adds them to the selection', async ({
  page,
}) => {
  await page.goto('/?q=KC');
  await expect(status(page)).toHaveText(/match/);
  await results(page).getByRole('button', { name: 'Nodes' }).click();
  await expect(results(page).getByRole('columnheader', { name: /Nodes/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await results(page).getByRole('button', { name: 'Nodes' }).click();
  await expect(results(page).getByRole('columnheader', { name: /Nodes/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const nodes = (await results(page).locator('tbody tr td:nth-child(5)').allInnerTexts())
    .filter((t) => t !== '…')
    .map((t) => Number(t.replace(/,/g, '')));
  expect(nodes.length).toBeGreaterThan(3);
  expect([...nodes].sort((a, b) => b - a)).toEqual(nodes);

  const rows = results(page).locator('tbody tr[aria-rowindex]');
  await rows.nth(0).locator('td').nth(1).click();
  await rows
    .nth(3)
    .locator('td')
    .nth(1)
    .click({ modifiers: ['Shift'] });
  await expect(results(page).locator('tbody tr[aria-selected="true"]')).toHaveCount(4);
  await page.getByRole('button', { name: 'Add 4 to selection' }).click();
  await expect(results(page).getByLabel('in selection')).toHaveCount(4);
});

test('a search lives in the URL: back/forward and a shared link in a fresh browser reproduce it', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await searchByName(page, 'PN');
  await searchByName(page, 'KC');
  await page.goBack();
  await expect(page.getByLabel('Neuron name')).toHaveValue('PN');
  for (const name of await resultNames(page)) expect(name.toLowerCase()).toContain('pn');
  await page.goForward();
  await expect(page.getByLabel('Neuron name')).toHaveValue('KC');
  const kcNames = await resultNames(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(page.url());
  await expect(other.getByLabel('Neuron name')).toHaveValue('KC');
  await expect(
    other.getByRole('region', { name: 'Search results' }).getByRole('status'),
  ).toHaveText(/match/);
  expect(await resultNames(other)).toEqual(kcNames);
  await fresh.close();
});

test('exports exactly the rows and columns shown as CSV', async ({ page }) => {
  await page.goto('/?q=APL&sort=name&dir=desc');
  await expect(status(page)).toHaveText('2 neurons match');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'Name,Skeleton ID,Annotations,Nodes,Cable (µm),Creator,Created,Last edited,In selection',
  );
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(
    /^APL right,1334,APL; right; [^,]*,\d+,[\d.]+,[a-z]+,\d{4}-\d\d-\d\d,\d{4}-\d\d-\d\d,no$/,
  );
  expect(lines[2]).toMatch(/^APL left,1332,/);
});

test('the annotation browser shows the meta-annotation tree with counts and runs a search', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Annotation browser' }).click();
  const tree = page.getByRole('tree', { name: 'Meta-annotations' });
  const classification = tree.getByRole('treeitem', { name: 'classification' });
  await expect(classification).toContainText(/\d+ neurons/);
  await classification
    .getByRole('treeitem', { name: 'cell type' })
    .getByRole('button', { name: 'Expand cell type' })
    .click();
  const pn = tree.getByRole('treeitem', { name: 'PN', exact: true });
  await expect(pn).toContainText(/\d+ neurons/);
  const pnCount = Number((await pn.locator('.count').first().innerText()).replace(/\D/g, ''));
  await pn.getByRole('button', { name: 'PN', exact: true }).click();
  await expect(page).toHaveURL(/a=s%3APN/);
  expect(await count(page)).toBe(pnCount);
});

test.describe('a failing search', () => {
  test.use({ expectedConsoleErrors: ['status of 500', 'status of 401', 'net::ERR_'] });

  const loginPage =
    '<!DOCTYPE html><html><head><title>Log in | CATMAID</title></head><body><form><input type="password" name="password"></form></body></html>';
  const faults: {
    name: string;
    query: string;
    reply: (route: Route) => Promise<void>;
    says: RegExp;
  }[] = [
    {
      name: 'HTTP 500',
      query: 'a',
      reply: (r) => r.fulfill({ status: 500, json: { error: 'boom', type: 'Exception' } }),
      says: /500/,
    },
    {
      name: 'connection reset',
      query: 'e',
      reply: (r) => r.abort('connectionreset'),
      says: /CATMAID server dropped the connection/,
    },
    {
      name: 'cut-off JSON',
      query: 'i',
      reply: (r) =>
        r.fulfill({ status: 200, contentType: 'application/json', body: '{"entities": [' }),
      says: /cut off/,
    },
    {
      name: 'malformed JSON',
      query: 'o',
      reply: (r) =>
        r.fulfill({ status: 200, contentType: 'application/json', body: '{"x": nope}' }),
      says: /not valid JSON/,
    },
    {
      name: "CATMAID's error JSON with 200",
      query: 'n',
      reply: (r) => r.fulfill({ status: 200, json: { error: 'Query failed: too many terms' } }),
      says: /Query failed: too many terms/,
    },
    {
      name: 'an HTML login page',
      query: 'r',
      reply: (r) => r.fulfill({ status: 200, contentType: 'text/html', body: loginPage }),
      says: /login page/,
    },
    {
      name: '401',
      query: 's',
      reply: (r) => r.fulfill({ status: 401, json: { detail: 'Invalid token.' } }),
      says: /token/,
    },
  ];

  test('each failure names its cause, Search again refetches, and Retry recovers', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await count(page);
    const searchError = page.getByRole('alert').filter({ hasText: 'The search failed' });
    for (const fault of faults) {
      let hits = 0;
      const pattern = '**/annotations/query-targets';
      const handler = async (route: Route) => {
        hits++;
        await fault.reply(route);
      };
      await page.route(pattern, handler);
      await page.getByLabel('Neuron name').fill(fault.query);
      await submit(page);
      await expect(searchError, fault.name).toContainText(fault.says, { timeout: 30_000 });
      await expect(searchError.getByRole('button', { name: 'Retry', exact: true })).toBeEnabled({
        timeout: 30_000,
      });
      // The same search again must ask the server again, not replay the cached failure.
      const before = hits;
      await submit(page);
      await expect
        .poll(() => hits, { message: fault.name, timeout: 30_000 })
        .toBeGreaterThan(before);
      await expect(searchError).toContainText(fault.says, { timeout: 30_000 });
      await expect(searchError.getByRole('button', { name: 'Retry', exact: true })).toBeEnabled({
        timeout: 30_000,
      });
      // The fault stops: Retry brings the results, without a reload.
      await page.unroute(pattern, handler);
      await searchError.getByRole('button', { name: 'Retry', exact: true }).click();
      await expect(searchError).toHaveCount(0, { timeout: 30_000 });
      await count(page);
    }
  });
});

test('at 1,500 px with the selection panel open, dates, counts and "In selection" fit', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1500, height: 900 });
  await page.goto('/');
  await addToSelection(page, 'KC', 2);
  await page.goto('/?q=KC');
  const panel = page.getByRole('complementary', { name: 'Selection' });
  const toggle = page.getByRole('button', { name: /^Selection \(\d+\)$/ });
  await expect(panel.or(toggle)).toBeVisible();
  if (!(await panel.isVisible())) await toggle.click();
  await expect(panel).toBeVisible();
  await expect(status(page)).toHaveText(/match/);
  const table = results(page).getByRole('table', { name: 'Search results' });
  const header = table.getByRole('columnheader', { name: 'In selection' });
  await expect(header).toBeInViewport({ ratio: 1 });
  const fits = (el: HTMLElement | SVGElement) => el.scrollWidth <= el.clientWidth;
  expect(await header.evaluate(fits)).toBe(true);
  const rows = table.locator('tbody tr[aria-rowindex]');
  // Created and Last edited are the 8th and 9th cells (after the checkbox).
  await expect(rows.first().locator('td').nth(7)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  for (const col of [7, 8]) {
    const cells = rows.locator(`td:nth-child(${col + 1})`);
    for (const cell of await cells.all()) {
      const text = await cell.innerText();
      if (text === '…') continue;
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await cell.evaluate(fits), `date cell ${text} is cut off`).toBe(true);
    }
  }
  const nodes = (await rows.locator('td:nth-child(5)').allInnerTexts()).filter((t) => t !== '…');
  expect(nodes.length).toBeGreaterThan(0);
  for (const n of nodes) expect(n).toMatch(/^\d{1,3}(,\d{3})*$/);
  await expect(table.getByLabel('in selection')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('search-1500.png') });
  if (process.env.H7_SHOT) await page.screenshot({ path: process.env.H7_SHOT });
});
