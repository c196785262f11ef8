/**
 * The selection panel on the demo server: neurons from Search, per-neuron colour / visibility /
 * opacity / remove, persistence (reload, shared link in a fresh browser), CATMAID selection-file
 * export and import, bad input, and colour by annotation.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { addToSelection } from './helpers.ts';

function panel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Selection' });
}

async function openPanel(page: Page): Promise<Locator> {
  const p = panel(page);
  const toggle = page.getByRole('button', { name: /^Selection \(\d+\)$/ });
  // Right after a (re)load neither may be on screen yet: wait for one, then open if needed.
  await expect(p.or(toggle)).toBeVisible();
  if (!(await p.isVisible())) await toggle.click();
  await expect(p).toBeVisible();
  return p;
}

async function rowNames(p: Locator): Promise<string[]> {
  return p.locator('.sel-name-text').allInnerTexts();
}

async function exportSelection(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel(page).getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^catmaid-skeletons-\d{4}-\d{1,2}-\d{1,2}\.json$/);
  return readFile(await download.path(), 'utf8');
}

async function importText(page: Page, text: string, name = 'selection.json'): Promise<void> {
  await panel(page)
    .getByLabel('Import selection file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** A page in a brand-new browser context (no localStorage), failing on console errors. */
async function freshPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

test('neurons from search: edit them, reload, and open the shared link in a fresh browser', async ({
  page,
  browser,
}) => {
  test.slow(); // two searches, two reloads and a second browser context
  await page.goto('/');
  const pns = await addToSelection(page, 'PN DA1');
  const apls = await addToSelection(page, 'APL');
  expect([...pns, ...apls]).toEqual([
    'PN DA1 lPN left',
    'PN DA1 lPN right',
    'APL left',
    'APL right',
  ]);
  const p = await openPanel(page);
  await expect(p.getByRole('status').first()).toHaveText('4 neurons');
  await expect
    .poll(() => rowNames(p))
    .toEqual(['PN DA1 lPN left', 'PN DA1 lPN right', 'APL left', 'APL right']);

  await p.getByLabel('Colour of APL left').fill('#123456');
  await p.getByLabel('Show APL right').uncheck();
  await p.getByLabel('Opacity of PN DA1 lPN left').fill('0.5');
  await p.getByRole('button', { name: 'Remove PN DA1 lPN right' }).click();
  await expect.poll(() => rowNames(p)).toEqual(['PN DA1 lPN left', 'APL left', 'APL right']);
  await expect(p.getByRole('status').first()).toHaveText('3 neurons · 1 hidden');
  await expect
    .poll(() => page.url())
    .toMatch(/sel=1084_[0-9a-f]{6}_0\.5-1332_123456-1334_[0-9a-f]{6}_h(&|$)/);
  const shared = page.url();

  // Demo server: no CATMAID web client to open.
  const link = p.getByRole('button', { name: 'Open APL left in CATMAID' });
  await expect(link).toHaveAttribute('aria-disabled', 'true');
  await expect(link).toHaveAttribute('title', /demo server has no CATMAID web client/);

  const check = async (q: Locator) => {
    await expect.poll(() => rowNames(q)).toEqual(['PN DA1 lPN left', 'APL left', 'APL right']);
    await expect(q.getByLabel('Colour of APL left')).toHaveValue('#123456');
    await expect(q.getByLabel('Show APL right')).not.toBeChecked();
    await expect(q.getByLabel('Show APL left')).toBeChecked();
    await expect(q.getByLabel('Opacity of PN DA1 lPN left')).toHaveValue('0.5');
  };
  await page.reload();
  await check(await openPanel(page));
  // Without the link's `sel`, localStorage restores it.
  await page.goto('/?view=stats');
  await check(await openPanel(page));

  const fresh = await freshPage(browser, shared);
  await check(await openPanel(fresh.page));
  expect(fresh.errors).toEqual([]);
  await fresh.page.context().close();
});

test('export then import into an empty selection round-trips exactly', async ({ page }) => {
  await page.goto('/?sel=1000_e41a1c-1002_377eb8_0.55-1332_4daf4a');
  const p = await openPanel(page);
  await expect.poll(() => rowNames(p)).toEqual(['ORN 1a left', 'ORN 13a left', 'APL left']);
  const exported = await exportSelection(page);
  expect(JSON.parse(exported)).toEqual([
    { skeleton_id: 1000, color: '#e41a1c', opacity: 1 },
    { skeleton_id: 1002, color: '#377eb8', opacity: 0.55 },
    { skeleton_id: 1332, color: '#4daf4a', opacity: 1 },
  ]);
  expect(exported).toContain('[\n {\n  "skeleton_id": 1000,\n  "color": "#e41a1c",');

  await p.getByRole('button', { name: 'Remove all' }).click();
  await p.getByRole('button', { name: 'Remove all 3' }).click();
  await expect(p.getByText('No neurons selected')).toBeVisible();

  await importText(page, exported, 'catmaid-skeletons-2024-1-5.json');
  await expect(p.getByRole('status').filter({ hasText: 'Added' })).toHaveText(
    /Added 3 neurons from catmaid-skeletons-2024-1-5\.json/,
  );
  await expect.poll(() => rowNames(p)).toEqual(['ORN 1a left', 'ORN 13a left', 'APL left']);
  expect(await exportSelection(page)).toBe(exported);
});

test('bad files, ids and links give messages and leave the selection untouched', async ({
  page,
}) => {
  await page.goto('/?sel=1000_e41a1c-1332_4daf4a');
  const p = await openPanel(page);
  await expect.poll(() => rowNames(p)).toEqual(['ORN 1a left', 'APL left']);
  const alert = p.getByRole('alert');
  const untouched = async () => {
    await expect(p.getByRole('status').first()).toHaveText('2 neurons');
    await expect(p.getByLabel('Colour of ORN 1a left')).toHaveValue('#e41a1c');
  };

  const cases: [string, RegExp][] = [
    ['{ this is not json', /Could not import bad\.json: The file is not valid JSON/],
    ['{"skeleton_id": 1000}', /expected a JSON array .* found an object/],
    ['[{"name": "x"}]', /none of its 1 entries has a "skeleton_id"/],
    ['[{"skeleton_id": "abc"}]', /entry 1: skeleton_id string "abc" is not a skeleton id/],
    ['[{"skeleton_id": 1000, "color": "blue"}]', /color string "blue" is not a #rrggbb colour/],
  ];
  for (const [text, message] of cases) {
    await importText(page, text, 'bad.json');
    await expect(alert).toHaveText(message);
    await expect(alert).toContainText('The selection is unchanged.');
    await untouched();
  }
  await importText(page, '[{"skeleton_id": 999999999, "color": "#000000"}]');
  await expect(alert).toContainText('Nothing was added from selection.json.');
  await expect(alert).toContainText('Skeleton 999999999 does not exist in this project.');
  await untouched();

  const ids = p.getByLabel('Skeleton ids');
  await ids.fill('1002, abc 7x');
  await p.getByRole('button', { name: 'Add ids' }).click();
  await expect(alert).toHaveText(/Not skeleton ids: "abc" and "7x"/);
  await untouched();
  await ids.fill('888888 777777');
  await p.getByRole('button', { name: 'Add ids' }).click();
  await expect(alert).toContainText('Skeletons 888888 and 777777 do not exist in this project.');
  await untouched();
  // CATMAID's rule: known skeletons go in, unknown ones are named.
  await ids.fill('1002\n888888');
  await p.getByRole('button', { name: 'Add ids' }).click();
  await expect(alert).toContainText(
    'Skeleton 888888 does not exist in this project and was left out.',
  );
  await expect.poll(() => rowNames(p)).toEqual(['ORN 1a left', 'APL left', 'ORN 13a left']);

  // A garbled link: nothing readable, so the stored selection stays; the bad part is named.
  await page.goto('/?sel=zz9_nothex,%25%25');
  await expect(page.getByRole('alert').first()).toContainText('"zz9_nothex" and "%%"');
  const q = await openPanel(page);
  await expect.poll(() => rowNames(q)).toEqual(['ORN 1a left', 'APL left', 'ORN 13a left']);
});

test('colour by "cell type" colours each group and shows a legend', async ({ page }) => {
  await page.goto('/?sel=1000-1124-1332-1312-1002');
  const p = await openPanel(page);
  await expect.poll(() => rowNames(p)).toHaveLength(5);
  await p.getByLabel('Colour by annotation').selectOption('cell type');
  const legend = p.getByRole('figure', { name: 'Legend: cell type' });
  await expect(legend.getByRole('listitem')).toHaveText(['APL1', 'DAN1', 'ORN2', 'PN1']);
  // Groups take the scheme's colours in name order: APL first.
  await expect(p.getByLabel('Colour of APL left')).toHaveValue('#4e79a7');
  const orn = await p.getByLabel('Colour of ORN 1a left').inputValue();
  await expect(p.getByLabel('Colour of ORN 13a left')).toHaveValue(orn);
  await expect.poll(() => page.url()).toContain('selby=cell+type');

  // Neurons added later join their group; the legend follows.
  await p.getByLabel('Skeleton ids').fill('1084');
  await p.getByRole('button', { name: 'Add ids' }).click();
  await expect(legend.getByRole('listitem')).toHaveText(['APL1', 'DAN1', 'ORN2', 'PN2']);
  await expect(p.getByLabel('Colour of PN DA1 lPN left')).toHaveValue(
    await p.getByLabel('Colour of PN D vPN left').inputValue(),
  );

  // Clicking a name highlights the neuron for every view.
  await p.getByRole('button', { name: 'APL left #1332' }).click();
  await expect(p.locator('tr[aria-current="true"]')).toHaveAttribute('data-skeleton-id', '1332');

  await page.reload();
  await expect(
    (await openPanel(page)).getByRole('figure', { name: 'Legend: cell type' }),
  ).toBeVisible();

  // A manual colour ends colour-by-annotation.
  await p.getByLabel('Colour of APL left').fill('#000000');
  await expect(legend).toHaveCount(0);
  await expect(p.getByLabel('Colour by annotation')).toHaveValue('');
});
