/**
 * The selection panel on the demo server: neurons from Search, per-neuron colour / visibility /
 * opacity / remove, persistence (reload, shared link in a fresh browser), CATMAID selection-file
 * export and import, bad input, and colour by annotation.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from '@playwright/test';
import { decodeSelectionLink, encodeSelectionLink } from '../src/state/selection-link-codec.ts';
import { expect, test } from './fixtures.ts';
import { addToSelection } from './helpers.ts';

/** The selection a page URL carries, as `id_rrggbb[_opacity][_h]` tokens (readable in a diff). */
function linkSelection(url: string): string[] {
  const compact = new URLSearchParams(new URL(url).hash.slice(1)).get('selz');
  const decoded = compact === null ? null : decodeSelectionLink(compact);
  return (decoded?.ok ? decoded.items : []).map(
    (i) =>
      `${i.skeletonId}_${i.color.slice(1)}${i.opacity === 1 ? '' : `_${i.opacity}`}${i.visible ? '' : '_h'}`,
  );
}

function panel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Selection' });
}

async function openPanel(page: Page): Promise<Locator> {
  const p = panel(page);
  const toggle = page.getByRole('button', { name: /^Selection \([\d,]+\)$/ });
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
  // The selection travels in the fragment (never sent to the server), compactly encoded.
  await expect
    .poll(() => linkSelection(page.url()).join(' '))
    .toMatch(/^1084_[0-9a-f]{6}_0\.5 1332_123456 1334_[0-9a-f]{6}_h$/);
  expect(new URL(page.url()).search).not.toContain('sel');
  expect(new URL(page.url()).hash).toMatch(/^#selz=[\w-]+$/);
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
  await ids.fill('abc, 7x -3 0');
  await p.getByRole('button', { name: 'Add ids' }).click();
  await expect(alert).toContainText('Nothing was added: paste at least one skeleton id.');
  await expect(alert).toContainText(
    '4 entries skipped as not skeleton ids: 2 not numbers, 1 negative, 1 zero (e.g. "abc", "7x", "-3", "0")',
  );
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

  // A damaged compact link (cut off when copied): the rest of the app loads, nothing is lost.
  await page.goto('/?view=stats#selz=eJxjYGBgBGIGBg8AsOMBBQ');
  await expect(page.getByRole('alert').first()).toContainText(
    "The link's selection could not be read",
  );
  await expect(page.getByRole('alert').first()).toContainText(
    'Your current selection is unchanged.',
  );
  await expect(page.getByLabel('Project totals')).toBeVisible();
  const r = await openPanel(page);
  await expect.poll(() => rowNames(r)).toEqual(['ORN 1a left', 'APL left', 'ORN 13a left']);
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

/** Demo skeletons that exist (names in the tests above). */
const REAL = [1002, 1084, 1124, 1312, 1332, 1334];

/** A deterministic shuffle, so a failure reproduces. */
function shuffled<T>(values: T[]): T[] {
  let seed = 42;
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// Tagged @responsive: it asserts main-thread task lengths in wall time, so it runs in its own
// project after the others (playwright.config.ts), not beside another test's browser.
test(
  'pasting 100,000 ids stays responsive, can be cancelled, and reports exact counts',
  { tag: '@responsive' },
  async ({ page }) => {
    test.slow();
    // Slow the server's answers a little, so the progress and Cancel can be seen.
    await page.route('**/skeleton/neuronnames', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      await route.continue();
    });
    await page.goto('/?sel=1000_e41a1c');
    const p = await openPanel(page);
    await expect.poll(() => rowNames(p)).toEqual(['ORN 1a left']);

    const unknown = Array.from({ length: 98_900 }, (_, i) => String(50_000_000 + i));
    const tokens = shuffled([
      ...REAL.map(String),
      '1000', // already selected
      ...unknown,
      ...unknown.slice(0, 100), // repeated
      ...Array.from({ length: 400 }, (_, i) => `x${i}`),
      ...Array.from({ length: 300 }, (_, i) => `-${i + 1}`),
      ...Array.from({ length: 200 }, () => '0'),
      ...Array.from({ length: 93 }, () => '12345678901234567'),
    ]);
    expect(tokens).toHaveLength(100_000);
    const text = tokens.map((t, i) => `${t}${i % 10 === 9 ? '\n' : ', '}`).join('');

    const longTasks = () =>
      page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

    const ids = p.getByLabel('Skeleton ids');
    const add = p.getByRole('button', { name: 'Add ids' });
    // A real paste (Ctrl+V) into the box, as a user would.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await ids.focus();
    // From the paste on (filling the clipboard above is the test's own work).
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
    });
    await page.keyboard.press('Control+V');
    await expect(p.getByText(/^Pasted \d+ KB of skeleton ids\./)).toBeVisible();
    await add.click();
    await expect(
      p.getByRole('status').filter({ hasText: /^Checking [\d,]+ of 98,906 skeleton ids/ }),
    ).toBeVisible();
    await expect(p.getByRole('progressbar', { name: 'Checking skeleton ids' })).toBeVisible();
    await p.getByRole('button', { name: 'Cancel' }).click();
    const alert = p.getByRole('alert').filter({ hasText: 'Cancelled' });
    await expect(alert).toHaveText(/Cancelled: nothing was added\./);
    await expect(p.getByRole('status').first()).toHaveText('1 neuron');

    await add.click();
    const report = p.getByRole('alert').filter({ hasText: 'from the pasted ids' });
    await expect(report).toBeVisible({ timeout: 60_000 });
    // Exact counts; the examples are the first ones in paste order.
    const firstUnknown = [...new Set(tokens.filter((t) => t.startsWith('500')))].slice(0, 5);
    const firstBad = tokens.filter((t) => !/^[1-9]\d{0,15}$/.test(t)).slice(0, 5);
    await expect(report.locator('p')).toHaveText([
      'Added 6 neurons from the pasted ids.',
      `98,900 skeletons do not exist in this project and were left out: ${firstUnknown.join(', ')} and 98,895 more.`,
      `993 entries skipped as not skeleton ids: 400 not numbers, 300 negative, 200 zero, 93 too long (e.g. ${firstBad.map((t) => `"${t}"`).join(', ')}). Skeleton ids are whole numbers from 1, separated by commas, spaces or new lines.`,
      '100 repeated ids counted once.',
      '1 neuron already in the selection.',
    ]);
    await expect(p.getByRole('status').first()).toHaveText('7 neurons');
    await expect
      .poll(() => rowNames(p))
      .toEqual(expect.arrayContaining(['ORN 1a left', 'ORN 13a left', 'APL left', 'APL right']));
    const tasks = await longTasks();
    test
      .info()
      .annotations.push({ type: 'long tasks (ms)', description: tasks.join(', ') || 'none' });
    expect(
      tasks.filter((ms) => ms > 200),
      `long tasks (ms): ${tasks.join(', ')}`,
    ).toEqual([]);
  },
);

test('a link with 10,000 neurons and colours opens with the whole selection', async ({ page }) => {
  test.slow();
  const colors = ['#e41a1c', '#377eb8', '#4daf4a', '#984ea3', '#ff7f00', '#123456'];
  const items = [1000, ...Array.from({ length: 9_999 }, (_, i) => 70_000_000 + i * 37)].map(
    (skeletonId, i) => ({
      skeletonId,
      color: colors[i % colors.length] ?? '#000000',
      visible: i % 5 !== 4,
      opacity: i % 3 === 2 ? 0.5 : 1,
    }),
  );
  const link = `/?view=search#selz=${encodeSelectionLink(shuffled(items.slice(1)).concat(items[0] ?? []))}`;
  // The old form of this link was ~200 KB of query string: far beyond any server's header limit.
  expect(link.length).toBeLessThan(60_000);
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  await expect(page.getByText('CATMAID Dashboard')).toBeVisible();
  const p = await openPanel(page);
  await expect(p.getByRole('status').first()).toHaveText('10,000 neurons · 2,000 hidden');
  // Windowed: a few dozen rows in the document, not 10,000.
  expect(await p.locator('.sel-row').count()).toBeLessThan(100);
  await p.getByLabel('Filter the selection by name').fill('ORN 1a left');
  await expect.poll(() => rowNames(p)).toEqual(['ORN 1a left']);
  await expect(p.getByLabel('Colour of ORN 1a left')).toHaveValue('#e41a1c');
  // The URL keeps carrying the same selection.
  await expect.poll(() => linkSelection(page.url()).length).toBe(10_000);
});

test('failed neuron names show Retry and keep the selection', async ({ page }) => {
  let fail = true;
  await page.route('**/skeleton/neuronnames', (route) =>
    fail
      ? route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'Name lookup failed', type: 'Exception', detail: '' }),
        })
      : route.continue(),
  );
  await page.goto('/?sel=1000_e41a1c-1332_4daf4a');
  const p = await openPanel(page);
  const alert = p.getByRole('alert').filter({ hasText: 'Loading neuron names' });
  await expect(alert).toBeVisible();
  await expect(p.getByRole('status').first()).toHaveText('2 neurons');
  expect(await rowNames(p)).toEqual(['skeleton 1000', 'skeleton 1332']);
  await expect(p.getByLabel('Colour of skeleton 1000')).toHaveValue('#e41a1c');
  fail = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await expect.poll(() => rowNames(p)).toEqual(['ORN 1a left', 'APL left']);
});

test('Open in CATMAID links to the neuron root once complete, asked for only when reached for', async ({
  page,
}) => {
  // The demo server has no web client, so no links: pretend the upstream has one.
  const web = 'https://catmaid.example.org/tracing/';
  await page.route('**/api/config', async (route) => {
    const res = await route.fetch();
    const config = (await res.json()) as { server: Record<string, unknown> };
    await route.fulfill({
      response: res,
      json: { ...config, server: { ...config.server, isDemo: false, url: web } },
    });
  });
  // On the context: the link opens in a new tab.
  await page
    .context()
    .route(`${web}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>CATMAID</title>' }),
    );
  const roots: string[] = [];
  let rootDelayMs = 0;
  await page.route('**/skeletons/*/root', async (route) => {
    roots.push(new URL(route.request().url()).pathname);
    await new Promise((resolve) => setTimeout(resolve, rootDelayMs));
    await route.continue();
  });
  await page.goto('/?sel=1000_e41a1c-1332_4daf4a');
  const p = await openPanel(page);
  await expect.poll(() => rowNames(p)).toEqual(['ORN 1a left', 'APL left']);

  const waiting = p.getByRole('button', { name: 'Open ORN 1a left in CATMAID' });
  await expect(waiting).toBeDisabled();
  expect(roots, 'no root is asked for before a link is reached for').toEqual([]);

  await waiting.hover();
  const link = p.getByRole('link', { name: 'Open ORN 1a left in CATMAID' });
  await expect(link).toHaveAttribute('href', /^https:\/\/catmaid\.example\.org\/tracing\/\?/);
  const params = new URL((await link.getAttribute('href')) ?? '').searchParams;
  expect([...params.keys()]).toEqual([
    'pid',
    'xp',
    'yp',
    'zp',
    'tool',
    'sid0',
    's0',
    'active_skeleton_id',
    'active_node_id',
  ]);
  expect(params.get('active_skeleton_id')).toBe('1000');
  for (const key of ['xp', 'yp', 'zp', 'sid0', 's0', 'active_node_id'])
    expect(params.get(key), key).toMatch(/^\d+$/);
  expect(roots).toEqual(['/api/catmaid/1/skeletons/1000/root']);

  // A click that lands before the root has arrived still opens the complete link.
  rootDelayMs = 600;
  const popup = page.waitForEvent('popup');
  // Forced: Playwright waits for an aria-disabled control to be enabled; a user just clicks.
  await p.getByRole('button', { name: 'Open APL left in CATMAID' }).click({ force: true });
  await expect(p.getByRole('link', { name: 'Open APL left in CATMAID' })).toBeVisible();
  const opened = await popup;
  await opened.waitForLoadState();
  expect(opened.url()).toMatch(/[?&]active_skeleton_id=1332&active_node_id=\d+$/);
  expect(new URL(opened.url()).searchParams.get('sid0')).toMatch(/^\d+$/);
  await opened.close();
  expect(roots).toHaveLength(2);
});
