/**
 * The Neuron view on the demo server: opened from Search, a partner row and a 3D pick; every
 * section shows what the demo server's raw answers imply (fetched here and computed
 * independently in neuron-raw.ts); the as-of-date slider changes node counts as the history
 * implies; a tag's "Show in 3D" marks its nodes in 3D; every export works.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { addToSelection, openView, searchByName } from './helpers.ts';
import { checkFigureExports, downloadCsv } from './downloads.ts';
import {
  deletionDays,
  liveNodes,
  nodesAsOf,
  rawNeuron,
  richNeuron,
  skeletonIds,
  tagCounts,
  type RawNeuron,
} from './neuron-raw.ts';

const us = (n: number) => n.toLocaleString('en-US');
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const fact = (page: Page, key: string) => page.locator(`dd[data-fact="${key}"]`);
const section = (page: Page, name: string | RegExp) =>
  page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name }) });

async function openPage(page: Page, raw: RawNeuron, extra = '') {
  await page.goto(`/?view=neuron&pid=1&skid=${raw.skeletonId}${extra}`);
  await expect(heading(page, raw.name)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History and provenance' })).toBeVisible({
    timeout: 30_000,
  });
}

test('opens from a search result and every section matches the server', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const raw = await richNeuron(request);
  await page.goto('/');
  await searchByName(page, raw.name);
  await page.getByRole('link', { name: `Open neuron page for ${raw.name}`, exact: true }).click();
  await expect(page).toHaveURL(
    new RegExp(`view=neuron.*skid=${raw.skeletonId}|skid=${raw.skeletonId}.*view=neuron`),
  );
  await expect(heading(page, raw.name)).toBeVisible();

  // 1. Identity: the annotations forskeletons lists, each a link to a search by it.
  const identity = section(page, 'Identity and annotations');
  await expect(identity.getByRole('status', { name: 'Annotation count' })).toHaveText(
    `${raw.annotations.length} annotations`,
  );
  for (const a of raw.annotations)
    await expect(
      identity.getByRole('link', { name: `Search neurons annotated with ${a}` }),
    ).toBeVisible();
  const annCsv = await downloadCsv(
    page,
    identity.getByRole('group', { name: 'Export annotations' }),
  );
  expect(annCsv[0]).toEqual([
    'annotation',
    'annotation_id',
    'annotator',
    'annotated_on_utc',
    'meta_annotation_paths',
  ]);
  expect(
    annCsv
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual([...raw.annotations].sort());

  // 2. Summary: skeletons/summary, the root, and the links of compact-detail.
  const live = liveNodes(raw);
  expect(live).toHaveLength(raw.summary.num_nodes);
  await expect(fact(page, 'nodes')).toHaveText(us(raw.summary.num_nodes));
  await expect(fact(page, 'root_id')).toHaveText(String(raw.root.root_id));
  const links = raw.history[1];
  await expect(fact(page, 'presynapses')).toHaveText(us(links.filter((l) => l[2] === 0).length));
  await expect(fact(page, 'postsynapses')).toHaveText(us(links.filter((l) => l[2] === 1).length));
  await expect(fact(page, 'cable_nm')).toHaveText(
    `${(raw.summary.cable_length / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} µm`,
  );
  const sumCsv = await downloadCsv(
    page,
    section(page, /^Summary/).getByRole('group', { name: 'Export summary' }),
  );
  const sumFacts = new Map(sumCsv.slice(1).map((r) => [r[0], r[1]]));
  expect(sumFacts.get('nodes')).toBe(String(raw.summary.num_nodes));
  expect(sumFacts.get('imported_nodes')).toBe(String(raw.summary.num_imported_nodes));
  expect(Math.abs(Number(sumFacts.get('cable_nm')) - raw.summary.cable_length)).toBeLessThanOrEqual(
    1,
  );

  // 3. Review: review-status counts, everyone's reviews by default.
  const [total, reviewed] = raw.reviewStatus;
  await expect(page.getByRole('status', { name: 'Review status' })).toHaveText(
    `${((100 * reviewed) / total).toFixed(1)} % reviewed: ${us(reviewed)} of ${us(total)} nodes (reviews by anyone)`,
  );
  const review = section(page, 'Review');
  const reviewers = [...new Set(raw.history[3].map((r) => r[2]))];
  await expect(review.getByRole('checkbox', { name: /^Count reviews by / })).toHaveCount(
    reviewers.length,
  );
  await checkFigureExports(page, review.getByRole('group', { name: 'Export review time line' }));
  const timeline = await downloadCsv(
    page,
    review.getByRole('group', { name: 'Export review time line' }),
  );
  expect(timeline[0]).toEqual(['date', 'reviewed_percent']);
  expect(Number(timeline[timeline.length - 1]?.[1])).toBeCloseTo((100 * reviewed) / total, 1);

  // 4. Tags: one row per tag with its live node count.
  const tags = section(page, 'Tags');
  const tagCsv = await downloadCsv(page, tags.getByRole('group', { name: 'Export tags' }));
  const shown = new Map(tagCsv.slice(1).map((r) => [r[0], Number(r[1])]));
  expect(shown).toEqual(new Map([...tagCounts(raw)].filter(([, n]) => n > 0)));

  // 5. History: change-history rows and the creation chart's exports.
  const history = section(page, 'History and provenance');
  const lineage = await downloadCsv(
    page,
    history.getByRole('group', { name: 'Export change history' }),
  );
  expect(
    lineage
      .slice(1)
      .map((r) => [r[0], Number(r[2]), Number(r[3])])
      .sort(),
  ).toEqual(raw.changeHistory.map((r) => [r[0].join(' '), r[1], r[3]]).sort());
  await checkFigureExports(page, history.getByRole('group', { name: 'Export node creation' }));
  await checkFigureExports(page, history.getByRole('group', { name: 'Export tree projection' }));
});

test('the as-of-date slider and the summary follow the edit history', async ({ page, request }) => {
  test.setTimeout(90_000);
  const raw = await richNeuron(request);
  const day = deletionDays(raw)[0] ?? '';
  const expected = nodesAsOf(raw, day).size;
  const now = liveNodes(raw).length;
  expect(expected, 'the demo history implies a different count that day').not.toBe(
    nodesAsOf(raw, '2099-01-01').size,
  );
  await openPage(page, raw, `&nasof=${day}`);
  await expect(page.getByRole('status', { name: 'Nodes as of date' })).toHaveText(
    `${us(expected)} nodes at the end of ${day} (now ${us(now)})`,
  );
  await expect(fact(page, 'nodes')).toHaveText(us(expected));
  await expect(page.getByRole('heading', { name: `Summary as of ${day}` })).toBeVisible();

  // Keyboard on the slider: Home = the first day of the neuron, End = now.
  const slider = page.getByRole('slider', { name: 'As of date' });
  await slider.focus();
  await page.keyboard.press('Home');
  // The slider starts on the day of the first node version (a live row's creation is t_b).
  const firstDay = isoDay(
    Math.min(
      ...raw.history[0].map((r) => Date.parse((r[10] === 1 ? r[9] : r[8]).replace(' ', 'T'))),
    ),
  );
  await expect(page.getByRole('slider', { name: 'As of date' })).toHaveAttribute(
    'aria-valuetext',
    firstDay,
  );
  await expect(fact(page, 'nodes')).toHaveText(us(nodesAsOf(raw, firstDay).size));
  await page.keyboard.press('End');
  await expect(page.getByRole('status', { name: 'Nodes as of date' })).toHaveText(
    `${us(now)} nodes now`,
  );
  await expect(fact(page, 'nodes')).toHaveText(us(now));
});

test('a tag click shows its nodes in 3D', async ({ page, request }) => {
  test.setTimeout(90_000);
  const raw = await richNeuron(request);
  const ends = tagCounts(raw).get('ends') ?? 0;
  await openPage(page, raw);
  await page.getByRole('button', { name: 'Show nodes tagged ends in 3D' }).click();
  await expect(page).toHaveURL(/view=3d/);
  const region = page.getByRole('region', { name: '3D viewer' });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-highlighted-synapses', String(ends));
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText(
    `${ends} highlighted nodes: ${raw.name}: tag "ends"`,
  );
});

test('opens from a partner row and from a 3D pick', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?q=%2F%5EPN%20.*left%24%2F');
  const names = await addToSelection(page, '/^PN .*left$/', 1);
  await openView(page, 'Connectivity');
  const partnerLink = page
    .getByRole('table', { name: /partners/i })
    .first()
    .getByRole('link', { name: /^Open neuron page for / })
    .first();
  const partnerName = ((await partnerLink.getAttribute('aria-label')) ?? '').replace(
    'Open neuron page for ',
    '',
  );
  await partnerLink.click();
  await expect(heading(page, partnerName)).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/view=connectivity/);

  await openView(page, '3D');
  const region = page.getByRole('region', { name: '3D viewer' });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  const box = await region.locator('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  // Click along a horizontal sweep through the middle until a node is picked.
  const panel = page.getByRole('region', { name: 'Selected node' });
  for (let dx = -0.3; dx <= 0.3 && !(await panel.isVisible()); dx += 0.01)
    for (let dy = -0.2; dy <= 0.2 && !(await panel.isVisible()); dy += 0.1)
      await page.mouse.click(box.x + box.width * (0.5 + dx), box.y + box.height * (0.5 + dy));
  await expect(panel).toBeVisible();
  await panel.getByRole('link', { name: `Open neuron page for ${names[0] ?? ''}` }).click();
  await expect(heading(page, names[0] ?? '')).toBeVisible();
});

test.describe('a missing, garbled or unknown skid', () => {
  // The unknown skeleton's compact-detail answers 404, which Chromium logs as a console error.
  test.use({ expectedConsoleErrors: ['status of 404'] });
  test('says what is wrong and offers to open another', async ({ page, request }) => {
    await page.goto('/?view=neuron&pid=1&skid=12ab');
    await expect(page.getByText('"12ab" is not a skeleton id')).toBeVisible();
    await page.goto('/?view=neuron&pid=1');
    await expect(page.getByText(/No neuron chosen/)).toBeVisible();
    const unknown = Math.max(...(await skeletonIds(request))) + 1;
    await page.getByLabel('Skeleton id').fill(String(unknown));
    await page.getByRole('button', { name: 'Open neuron' }).click();
    await expect(page.getByRole('alert')).toContainText(`This project has no skeleton ${unknown}`);
  });
});

test('the reviewer whitelist changes the percentage and is remembered', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const raw = await richNeuron(request);
  const users = (await (await request.get('/api/catmaid/user-list')).json()) as {
    id: number;
    login: string;
  }[];
  const live = new Set(liveNodes(raw).map((r) => r[0]));
  const reviews = raw.history[3].filter((r) => live.has(r[0]));
  const reviewer = reviews[0]?.[2] ?? -1;
  const login = users.find((u) => u.id === reviewer)?.login ?? '';
  const others = new Set(reviews.filter((r) => r[2] !== reviewer).map((r) => r[0]));
  await openPage(page, raw);
  await page.getByRole('checkbox', { name: `Count reviews by ${login}`, exact: true }).uncheck();
  const status = page.getByRole('status', { name: 'Review status' });
  await expect(status).toHaveText(
    `${((100 * others.size) / live.size).toFixed(1)} % reviewed: ${us(others.size)} of ${us(live.size)} nodes (reviews by the whitelisted reviewers)`,
  );
  await page.reload();
  await expect(status).toContainText('whitelisted reviewers');
  await expect(
    page.getByRole('checkbox', { name: `Count reviews by ${login}`, exact: true }),
  ).not.toBeChecked();
  await page.getByRole('button', { name: 'Count everyone' }).click();
  await expect(status).toContainText('(reviews by anyone)');
});

test('an unrelated neuron still opens (no history, no reviews)', async ({ page, request }) => {
  const ids = await skeletonIds(request);
  const raw = await rawNeuron(request, ids[ids.length - 1] ?? 0);
  await openPage(page, raw);
  await expect(fact(page, 'nodes')).toHaveText(us(raw.summary.num_nodes));
});
