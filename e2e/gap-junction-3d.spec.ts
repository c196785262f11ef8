/**
 * With gap junctions chosen as the link type, the Connectivity view's "3D" buttons (a partner
 * row, the matrix pair picker) highlight the gap-junction connectors between the two neurons
 * (many_to_many with relation gapjunction_with), not their chemical synapses.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { catmaidPost, skeletonIdOf } from './raw-api.ts';
import { addToSelection } from './helpers.ts';

const QUERY = '/^LN /';

/** many_to_many rows from one set onto another under a relation. */
async function links(
  request: APIRequestContext,
  from: number[],
  to: number[],
  relation: string,
): Promise<number> {
  const form: Record<string, string> = { relation };
  from.forEach((id, i) => (form[`skids1[${i}]`] = String(id)));
  to.forEach((id, i) => (form[`skids2[${i}]`] = String(id)));
  return (await catmaidPost<unknown[]>(request, 'connector/list/many_to_many', form)).length;
}

async function chooseGapJunctions(page: Page, names: string[]) {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Connectivity', exact: true })
    .click();
  await expect(page.getByRole('status', { name: 'Upstream partners summary' })).toBeVisible();
  await page
    .getByRole('form', { name: 'Link type' })
    .getByLabel('Link type')
    .selectOption('gapjunction');
  await expect(
    page.getByRole('status', { name: 'Partners by gap junctions summary' }),
  ).toBeVisible();
  expect(names.length).toBeGreaterThan(1);
}

async function expectHighlighted(page: Page, n: number) {
  await expect(page).toHaveURL(/view=3d/);
  const region = page.getByRole('region', { name: '3D viewer' });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 60_000 });
  await expect(region).toHaveAttribute('data-highlighted-synapses', String(n));
}

test('"3D" on a gap-junction partner row shows that pair’s gap junctions', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/?q=${encodeURIComponent(QUERY)}`);
  const names = await addToSelection(page, QUERY);
  const ids = await Promise.all(names.map((n) => skeletonIdOf(request, n)));
  await chooseGapJunctions(page, names);
  const button = page.getByRole('button', { name: /^Show synapses with .* in 3D$/ }).first();
  await expect(button).toBeVisible();
  const label = (await button.getAttribute('aria-label')) ?? '';
  const partner = await skeletonIdOf(
    request,
    label.replace(/^Show synapses with /, '').replace(/ in 3D$/, ''),
  );
  const gaps = await links(request, [partner], ids, 'gapjunction_with');
  const chemical = await links(request, [partner], ids, 'presynaptic_to');
  expect(gaps).toBeGreaterThan(0);
  // Guard: the pair's chemical synapses differ in number, so the count says which were shown.
  expect(chemical).not.toBe(gaps);
  await button.click();
  await expectHighlighted(page, gaps);
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText('↔');
});

test('the matrix pair picker shows gap junctions when they are the link type', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/?q=${encodeURIComponent(QUERY)}`);
  const names = await addToSelection(page, QUERY);
  const ids = await Promise.all(names.map((n) => skeletonIdOf(request, n)));
  let pick: { i: number; j: number; n: number } | null = null;
  for (const [i, a] of ids.entries())
    for (const [j, b] of ids.entries()) {
      if (pick || a === b) continue;
      const n = await links(request, [a], [b], 'gapjunction_with');
      if (n > 0 && n !== (await links(request, [a], [b], 'presynaptic_to'))) pick = { i, j, n };
    }
  if (!pick) throw new Error('no LN pair with gap junctions in the demo data');
  await chooseGapJunctions(page, names);
  await page.getByRole('tab', { name: 'Adjacency matrix' }).click();
  const picker = page.getByRole('group', { name: 'Synapses of a pair' });
  await picker.getByLabel('From').selectOption({ label: names[pick.i] ?? '' });
  await picker.getByLabel('onto').selectOption({ label: names[pick.j] ?? '' });
  await picker.getByRole('button', { name: 'Show synapses in 3D' }).click();
  await expectHighlighted(page, pick.n);
});
