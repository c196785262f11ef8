/**
 * The five views under fault, each set up with state worth keeping: a selection whose first
 * neuron has a custom colour, the view itself (in the URL), and the view's filters or options.
 */
import type { Locator, Page } from '@playwright/test';
import { resultNames } from '../helpers.ts';
import { expect } from './fault-fixtures.ts';
import type { ViewUnderFault } from './fault-cases.ts';

/** Two neurons, the first with a colour no scheme would pick. */
const CUSTOM = '#123456';
const selection = (a: number, b: number) => `sel=${a}_123456-${b}_abcdef`;
const API = '/api/catmaid/1/';

function selectionPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Selection' });
}

async function openSelectionPanel(page: Page): Promise<Locator> {
  const panel = selectionPanel(page);
  const toggle = page.getByRole('button', { name: /^Selection \(\d+\)$/ });
  await expect(panel.or(toggle)).toBeVisible();
  if (!(await panel.isVisible())) await toggle.click();
  await expect(panel).toBeVisible();
  return panel;
}

async function addIds(page: Page, id: number): Promise<void> {
  const panel = await openSelectionPanel(page);
  await panel.getByLabel('Skeleton ids').fill(String(id));
  await panel.getByRole('button', { name: 'Add ids' }).click();
}

/** Selection size and the custom colour of `name` are as set up. */
async function expectSelection(page: Page, size: number, name: string): Promise<void> {
  const panel = await openSelectionPanel(page);
  await expect(panel.getByRole('status').first()).toHaveText(`${size} neurons`);
  await expect(panel.getByLabel(`Colour of ${name}`)).toHaveValue(CUSTOM);
}

const noAlert = (scope: Page | Locator) => expect(scope.getByRole('alert')).toHaveCount(0);

// ---- Search: annotations/query-targets ----
const QUERIES = ['ORN', 'PN D'];
const searchStatus = (page: Page) =>
  page.getByRole('region', { name: 'Search results' }).getByRole('status');

export const searchView: ViewUnderFault = {
  name: 'Search',
  endpoint: 'annotations/query-targets',
  endpointUrls: [`${API}annotations/query-targets`],
  async open(page) {
    await page.goto(`/?${selection(1000, 1090)}&cs=1`);
    await expect(searchStatus(page)).toHaveText(/match/);
    await expect(page.getByLabel('Case-sensitive')).toBeChecked();
  },
  async trigger(page, n) {
    await page.getByLabel('Neuron name').fill(QUERIES[n] ?? '');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
  },
  async expectData(page, n, alertsAllowed) {
    const query = QUERIES[n] ?? '';
    await expect(searchStatus(page)).toHaveText(/match/);
    await expect
      .poll(async () => {
        const names = await resultNames(page);
        return names.length > 0 && names.every((name) => name.includes(query));
      })
      .toBe(true);
    if (!alertsAllowed) await noAlert(page.getByRole('main'));
  },
  async expectKept(page, n) {
    await expect(page.getByLabel('Neuron name')).toHaveValue(QUERIES[n] ?? '');
    await expect(page.getByLabel('Case-sensitive')).toBeChecked();
    await expect(page).toHaveURL(/cs=1/);
    await expectSelection(page, 2, 'ORN 1a left');
  },
};

// ---- Adding ids in the selection panel: skeleton/neuronnames ----
// Demo skeleton ids are even (1000, 1002, …).
const ADDED = [1170, 1172];

export const addIdsView: ViewUnderFault = {
  name: 'Add ids',
  endpoint: 'skeleton/neuronnames',
  endpointUrls: [`${API}skeleton/neuronnames`],
  async open(page) {
    await page.goto(`/?view=stats&${selection(1000, 1090)}`);
    await expectSelection(page, 2, 'ORN 1a left');
    await expect(page.getByRole('status', { name: 'Who built summary' })).toContainText(
      '2 neurons',
    );
  },
  trigger: (page, n) => addIds(page, ADDED[n] ?? 0),
  async expectData(page, n, alertsAllowed) {
    const panel = await openSelectionPanel(page);
    await expect(panel.getByRole('status').first()).toHaveText(`${3 + n} neurons`);
    await expect(panel.locator(`tr[data-skeleton-id="${ADDED[n]}"]`)).toBeVisible();
    if (!alertsAllowed) await noAlert(panel);
  },
  async expectKept(page, n) {
    await expectSelection(page, 3 + n, 'ORN 1a left');
    await expect(page).toHaveURL(/view=stats/);
  },
};

// ---- 3D: skeletons/compact-detail (batch) and skeletons/{id}/compact-detail ----
const viewer = (page: Page) => page.getByRole('region', { name: '3D viewer' });
const IN_3D = [1200, 1202];

export const viewer3dView: ViewUnderFault = {
  name: '3D',
  endpoint: 'compact-detail',
  endpointUrls: ['/compact-detail'],
  retryButton: 'Retry failed',
  async open(page) {
    await page.goto(`/?view=3d&${selection(1000, 1090)}`);
    const region = viewer(page);
    await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
    await expect(region).toHaveAttribute('data-neuron-count', '2');
    await page.getByRole('combobox', { name: 'Colour by', exact: true }).selectOption('strahler');
    await expect(region).toHaveAttribute('data-colour-mode', 'strahler');
  },
  trigger: (page, n) => addIds(page, IN_3D[n] ?? 0),
  async expectData(page, n, alertsAllowed) {
    const region = viewer(page);
    await expect(region).toHaveAttribute('data-neuron-count', String(3 + n), { timeout: 30_000 });
    if (alertsAllowed) return;
    await expect(region).toHaveAttribute('data-failed-count', '0');
    await expect(page.getByRole('list', { name: 'Failed neurons' })).toHaveCount(0);
  },
  async expectKept(page, n) {
    await expect(viewer(page)).toHaveAttribute('data-colour-mode', 'strahler');
    await expect(page.getByRole('combobox', { name: 'Colour by', exact: true })).toHaveValue(
      'strahler',
    );
    await expect(page).toHaveURL(/view=3d/);
    await expectSelection(page, 3 + n, 'ORN 1a left');
  },
};

// ---- Connectivity: skeletons/connectivity ----
const CONNECTIVITY_ADDED = [1310, 1320];
const filters = (page: Page) => page.getByRole('form', { name: 'Partner filters' });

export const connectivityView: ViewUnderFault = {
  name: 'Connectivity',
  endpoint: 'skeletons/connectivity',
  endpointUrls: [`${API}skeletons/connectivity`],
  async open(page) {
    await page.goto(`/?view=connectivity&${selection(1290, 1300)}&cmin=2`);
    await expect(page.getByRole('status', { name: 'Upstream partners summary' })).toContainText(
      'partners',
    );
    await expect(filters(page).getByLabel('Min synapses')).toHaveValue('2');
  },
  trigger: (page, n) => addIds(page, CONNECTIVITY_ADDED[n] ?? 0),
  async expectData(page, n, alertsAllowed) {
    await expect(page.getByText(`Sources (${3 + n} of ${3 + n} selected neurons)`)).toBeVisible();
    await expect(page.getByRole('status', { name: 'Upstream partners summary' })).toContainText(
      'partners',
    );
    await expect(page.getByRole('table', { name: 'Upstream partners' })).toBeVisible();
    if (!alertsAllowed) await noAlert(page.getByRole('main'));
  },
  async expectKept(page, n) {
    await expect(filters(page).getByLabel('Min synapses')).toHaveValue('2');
    await expect(page).toHaveURL(/cmin=2/);
    await expect(page).toHaveURL(/view=connectivity/);
    await expectSelection(page, 3 + n, 'MBON-a2 left');
  },
};

// ---- Stats: stats/user-history, from the contributions form ----
const RANGES = [
  ['2025-02-01', '2025-02-28'],
  ['2025-03-01', '2025-03-31'],
] as const;
const contributions = (page: Page) => page.getByRole('region', { name: 'Project contributions' });

async function showRange(page: Page, from: string, to: string) {
  const section = contributions(page);
  await section.getByLabel('From (YYYY-MM-DD)').fill(from);
  await section.getByLabel('To (YYYY-MM-DD)').fill(to);
  await section.getByRole('button', { name: 'Show' }).click();
}

export const statsView: ViewUnderFault = {
  name: 'Stats',
  endpoint: 'stats/user-history',
  endpointUrls: [`${API}stats/user-history`],
  async open(page) {
    await page.goto(`/?view=stats&${selection(1290, 1300)}`);
    await expect(page.getByLabel('Project totals')).toContainText('Neurons');
    await showRange(page, '2025-01-01', '2025-01-31');
    await expect(
      contributions(page).getByRole('status', { name: 'Contributions summary' }),
    ).toContainText('2025-01-01 – 2025-01-31');
  },
  async trigger(page, n) {
    const [from, to] = RANGES[n] ?? RANGES[0];
    await showRange(page, from, to);
  },
  async expectData(page, n, alertsAllowed) {
    const [from, to] = RANGES[n] ?? RANGES[0];
    const section = contributions(page);
    await expect(section.getByRole('status', { name: 'Contributions summary' })).toContainText(
      `${from} – ${to}`,
    );
    if (!alertsAllowed) await noAlert(section);
  },
  async expectKept(page, n) {
    const [from, to] = RANGES[n] ?? RANGES[0];
    const section = contributions(page);
    await expect(section.getByLabel('From (YYYY-MM-DD)')).toHaveValue(from);
    await expect(section.getByLabel('To (YYYY-MM-DD)')).toHaveValue(to);
    await expect(page).toHaveURL(/view=stats/);
    await expectSelection(page, 2, 'MBON-a2 left');
  },
};
