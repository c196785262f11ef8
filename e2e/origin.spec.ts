/**
 * Provenance on the demo server: an imported neuron's page, opened from Search, names its data
 * source, source project and source skeleton and its imported nodes as the raw `skeletons/origin`,
 * `skeletons/import-info` and `skeletons/summary` answers say; the search results' optional fact
 * columns show, sort and export what `skeletons/summary` answers.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { downloadCsv } from './downloads.ts';
import { searchByName } from './helpers.ts';

const API = '/api/catmaid/1';
const us = (n: number) => n.toLocaleString('en-US');

interface Origins {
  data_sources: Record<string, { name: string; url: string; source_project_id: number }>;
  origins: Record<string, { source_id: number; data_source_id: number }>;
}
type Summaries = Record<string, { num_nodes: number; num_imported_nodes: number }>;

const indexed = (ids: readonly number[], key: string) =>
  Object.fromEntries(ids.map((id, k) => [`${key}[${k}]`, String(id)]));

async function post<T>(
  request: APIRequestContext,
  path: string,
  ids: readonly number[],
  key = 'skeleton_ids',
) {
  const res = await request.post(`${API}${path}`, { form: indexed(ids, key) });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

async function raw(request: APIRequestContext) {
  const ids = (await (await request.get(`${API}/skeletons/`)).json()) as number[];
  const names = await post<Record<string, string>>(request, '/skeleton/neuronnames', ids, 'skids');
  const origins = await post<Origins>(request, '/skeletons/origin', ids);
  const summaries = await post<Summaries>(request, '/skeletons/summary', ids);
  return { ids, names, origins, summaries };
}

/** Result cells of one column by skeleton id, for the rows the virtualized table has drawn. */
async function columnBySkeleton(page: Page, header: string): Promise<Map<number, string>> {
  const table = page.getByRole('table', { name: 'Search results' });
  const headers = await table.locator('thead th').allInnerTexts();
  const col = headers.findIndex((h) => h.trim().startsWith(header));
  const idCol = headers.findIndex((h) => h.trim().startsWith('Skeleton ID'));
  expect(col).toBeGreaterThan(0);
  const out = new Map<number, string>();
  for (const row of await table.locator('tbody tr').all()) {
    const cells = row.locator('td');
    if ((await cells.count()) <= col) continue;
    out.set(Number(await cells.nth(idCol).innerText()), (await cells.nth(col).innerText()).trim());
  }
  return out;
}

const provenance = (page: Page): Locator =>
  page.getByRole('group', { name: 'Provenance', exact: true });

test('an imported neuron opened from Search shows its origin and imported nodes', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { names, origins, summaries } = await raw(request);
  // The smallest imported neuron: its page loads fastest.
  const imported = Object.keys(origins.origins)
    .map(Number)
    .sort(
      (a, b) => (summaries[String(a)]?.num_nodes ?? 0) - (summaries[String(b)]?.num_nodes ?? 0),
    );
  const skid = imported[0] ?? 0;
  const name = names[String(skid)] ?? '';
  const o = origins.origins[String(skid)];
  const ds = o ? origins.data_sources[String(o.data_source_id)] : undefined;
  const summary = summaries[String(skid)];
  if (!o || !ds || !summary) throw new Error('the demo has no imported neuron');
  expect(summary.num_imported_nodes).toBeGreaterThan(0);
  const info = (
    await post<Record<string, { n_imported_treenodes: number }>>(
      request,
      '/skeletons/import-info',
      [skid],
    )
  )[String(skid)];
  expect(info?.n_imported_treenodes).toBe(summary.num_imported_nodes);

  await page.goto('/');
  await searchByName(page, name);
  await page.getByRole('link', { name: `Open neuron page for ${name}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  const origin = provenance(page).getByRole('status', { name: 'Origin' });
  await expect(origin).toContainText(
    `Imported from ${ds.name} (${ds.url}), project ${ds.source_project_id}, skeleton ${o.source_id}`,
    { timeout: 30_000 },
  );
  await expect(origin).toContainText(
    `${us(summary.num_imported_nodes)} nodes came with the import`,
  );
  const link = origin.getByRole('link', {
    name: `Open skeleton ${o.source_id} on the source server`,
  });
  const href = new URL((await link.getAttribute('href')) ?? '');
  expect(`${href.origin}${href.pathname}`).toBe(ds.url);
  expect(href.searchParams.get('pid')).toBe(String(ds.source_project_id));
  expect(href.searchParams.get('active_skeleton_id')).toBe(String(o.source_id));

  // The summary counts the same imported nodes (non-zero), and so does its CSV.
  await expect(page.locator('dl[aria-label="Summary"] dd[data-fact="imported_nodes"]')).toHaveText(
    us(summary.num_imported_nodes),
  );

  const csv = await downloadCsv(
    page,
    provenance(page).getByRole('group', { name: 'Export provenance' }),
  );
  expect(csv[0]).toEqual(['fact', 'value']);
  expect(new Map(csv.slice(1).map((r) => [r[0], r[1]]))).toEqual(
    new Map([
      ['origin', 'imported'],
      ['data_source_id', String(o.data_source_id)],
      ['data_source_name', ds.name],
      ['data_source_url', ds.url],
      ['source_project_id', String(ds.source_project_id)],
      ['source_skeleton_id', String(o.source_id)],
      ['imported_nodes', String(summary.num_imported_nodes)],
    ]),
  );

  const shot = process.env.ORIGIN_SHOT;
  if (shot) await provenance(page).screenshot({ path: shot });
});

test('a neuron traced here says so', async ({ page, request }) => {
  const { ids, names, origins } = await raw(request);
  const skid = ids.find((id) => !(String(id) in origins.origins)) ?? 0;
  await page.goto(`/?view=neuron&pid=1&skid=${skid}`);
  await expect(page.getByRole('heading', { level: 1, name: names[String(skid)] })).toBeVisible();
  await expect(provenance(page).getByRole('status', { name: 'Origin' })).toHaveText(
    'Traced here (no import record)',
    { timeout: 30_000 },
  );
  await expect(page.locator('dl[aria-label="Summary"] dd[data-fact="imported_nodes"]')).toHaveText(
    '0',
  );
});

test('search results show, sort, remember and export a chosen fact column', async ({
  page,
  request,
}) => {
  const { summaries, origins } = await raw(request);
  await page.goto('/');
  await searchByName(page, 'MBON');
  const results = page.getByRole('region', { name: 'Search results' });
  await results.getByRole('button', { name: /^Fact columns/ }).click();
  const picker = results.getByRole('group', { name: 'Fact columns of the results' });
  await expect(picker).toContainText('more facts in the selection panel');
  await picker.getByRole('checkbox', { name: 'Imported nodes' }).check();
  const table = page.getByRole('table', { name: 'Search results' });
  await expect(table.getByRole('columnheader', { name: /^Imported nodes/ })).toBeVisible();

  const expected = (skid: number) => us(summaries[String(skid)]?.num_imported_nodes ?? -1);
  await expect(async () => {
    const shown = await columnBySkeleton(page, 'Imported nodes');
    expect(shown.size).toBeGreaterThan(1);
    for (const [skid, v] of shown) expect(v, `skeleton ${skid}`).toBe(expected(skid));
  }).toPass();
  const shownIds = [...(await columnBySkeleton(page, 'Imported nodes')).keys()];
  expect(shownIds.some((id) => String(id) in origins.origins)).toBe(true);

  // Sorted by the fact (the search view sorts ascending first, then descending); the chooser,
  // which opens over the table, is closed first.
  await results.getByRole('button', { name: /^Fact columns/ }).click();
  await expect(picker).toBeHidden();
  const header = table.getByRole('columnheader', { name: /^Imported nodes/ });
  const importedShown = async () =>
    [...(await columnBySkeleton(page, 'Imported nodes')).values()].map((v) =>
      Number(v.replace(/,/g, '')),
    );
  await header.getByRole('button').click();
  await expect(page).toHaveURL(/sort=imported_nodes&dir=asc/);
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(async () => {
    const values = await importedShown();
    expect(values).toEqual([...values].sort((a, b) => a - b));
  }).toPass();
  await header.getByRole('button').click();
  await expect(page).toHaveURL(/sort=imported_nodes&dir=desc/);
  await expect(async () => {
    const values = await importedShown();
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values[0]).toBeGreaterThan(0);
  }).toPass();

  // Remembered: a fresh page load shows the column again.
  await page.reload();
  await expect(results.getByRole('status')).toHaveText(/match/);
  await expect(table.getByRole('columnheader', { name: /^Imported nodes/ })).toBeVisible();

  // Exported with every row's value from skeletons/summary.
  const download = page.waitForEvent('download');
  await results.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await download).path(), 'utf8')
    .trimEnd()
    .split('\r\n');
  const csvHeader = lines[0]?.split(',') ?? [];
  expect(csvHeader.at(-1)).toBe('Imported nodes');
  const idAt = csvHeader.indexOf('Skeleton ID');
  const rows = lines.slice(1).map((l) => l.split(','));
  expect(rows.length).toBeGreaterThan(1);
  for (const r of rows) {
    const skid = Number(r[idAt]);
    expect(r.at(-1), `skeleton ${skid}`).toBe(
      String(summaries[String(skid)]?.num_imported_nodes ?? -1),
    );
  }
});
