import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function search(page: Page, name: string) {
  await page.getByLabel('Neuron name').fill(name);
  await page.getByRole('button', { name: 'Search' }).click();
}

function resultRows(page: Page) {
  return page
    .getByRole('region', { name: 'Search results' })
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox') })
    .filter({ hasNot: page.getByRole('columnheader') });
}

async function nameCells(page: Page): Promise<string[]> {
  return resultRows(page).locator('td:nth-child(2)').allInnerTexts();
}

test('lists the demo project neurons by name, with the server and project in the header', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByLabel('CATMAID server')).toContainText('Embedded demo server');
  await expect(page.getByLabel('Project')).toContainText('Demo larva');
  const status = page.getByRole('region', { name: 'Search results' }).getByRole('status');
  await expect(status).toHaveText(/^[\d,]+ neurons match$/);
  const total = Number((await status.innerText()).replace(/[^\d]/g, ''));
  expect(total).toBeGreaterThanOrEqual(150);
  // Paged from the server: the first page holds the page size, and it is sorted by name.
  const names = await nameCells(page);
  expect(names).toHaveLength(Math.min(total, 200));
  // Sorted by name: code-point order or locale order, depending on the server's collation.
  const byCodePoint = [...names].sort();
  const byLocale = [...names].sort((a, b) => a.localeCompare(b));
  expect([byCodePoint, byLocale]).toContainEqual(names);
});

test('searches by name substring and shows only matching neurons', async ({ page }) => {
  await page.goto('/');
  await search(page, 'PN');
  await expect(page).toHaveURL(/q=PN/);
  const status = page.getByRole('region', { name: 'Search results' }).getByRole('status');
  await expect(status).toHaveText(/neurons? match/);
  const names = await nameCells(page);
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name.toLowerCase()).toContain('pn');
});

test('searches by regular expression, and an invalid one gets an inline message', async ({
  page,
}) => {
  await page.goto('/');
  await search(page, '/^KC.*left$/');
  await expect(page).toHaveURL(/q=%2F%5EKC/);
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toHaveText(
    /match/,
  );
  const names = await nameCells(page);
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toMatch(/^KC.*left$/i);

  await search(page, '/KC (left/');
  await expect(page.getByRole('alert')).toContainText('Invalid regular expression');
  // The last good results stay on screen.
  expect(await nameCells(page)).toEqual(names);
});

test('back and forward step through searches', async ({ page }) => {
  await page.goto('/');
  await search(page, 'PN');
  await expect(page).toHaveURL(/q=PN/);
  await search(page, 'KC');
  await expect(page).toHaveURL(/q=KC/);
  await page.goBack();
  await expect(page).toHaveURL(/q=PN/);
  await expect(page.getByLabel('Neuron name')).toHaveValue('PN');
  for (const name of await nameCells(page)) expect(name.toLowerCase()).toContain('pn');
  await page.goForward();
  await expect(page.getByLabel('Neuron name')).toHaveValue('KC');
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/?q=no%20such%20neuron%20zzz');
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toHaveText(
    '0 neurons match',
  );
});

test('adds results to the selection, which survives a reload', async ({ page }) => {
  await page.goto('/?q=PN');
  const rows = resultRows(page);
  await expect(rows.first()).toBeVisible();
  const firstTwo = (await nameCells(page)).slice(0, 2);
  for (const name of firstTwo) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('button', { name: 'Add 2 to selection' }).click();
  await expect(
    rows
      .filter({ has: page.locator('[aria-selected="true"]') })
      .or(page.locator('tr[aria-selected="true"]')),
  ).toHaveCount(2);
  await page.reload();
  await expect(page.locator('tr[aria-selected="true"]')).toHaveCount(2);
  await page.getByRole('link', { name: '3D' }).click();
  await expect(page.getByRole('status')).toContainText('Your selection (2 neurons)');
});
