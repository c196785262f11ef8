/**
 * Shared e2e steps. Tests of every view get neurons into the selection through the real Search
 * UI with these, so a change to the search page is fixed here once.
 */
import { expect, type Page } from '@playwright/test';

export async function searchByName(page: Page, name: string): Promise<void> {
  await page.getByLabel('Neuron name').fill(name);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toHaveText(
    /match/,
  );
}

/** Names in the results table, in display order. */
export async function resultNames(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Search results' })
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox') })
    .filter({ hasNot: page.getByRole('columnheader') })
    .locator('td:nth-child(2)')
    .allInnerTexts();
}

/**
 * Searches `query` (substring or /regex/) from the Search view and adds the first `count` hits
 * (all when omitted) to the selection. Returns the names added.
 */
export async function addToSelection(page: Page, query: string, count?: number): Promise<string[]> {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Search' })
    .click();
  await searchByName(page, query);
  const names = (await resultNames(page)).slice(0, count);
  for (const name of names)
    await page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  await page.getByRole('button', { name: `Add ${names.length} to selection` }).click();
  return names;
}

export async function openView(
  page: Page,
  label: 'Search' | '3D' | 'Connectivity' | 'Stats',
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: label, exact: true })
    .click();
}

/** The first `n` skeleton ids of demo project 1, as its server lists them. */
export async function someSkeletons(page: Page, n: number): Promise<number[]> {
  const res = await page.request.get('/api/catmaid/1/skeletons/');
  return ((await res.json()) as number[]).slice(0, n);
}
