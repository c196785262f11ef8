import { test, expect } from './fixtures.ts';

test('navigates between the four views, keeping view and project in the URL', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Views' });
  for (const [label, view] of [
    ['3D', '3d'],
    ['Connectivity', 'connectivity'],
    ['Stats', 'stats'],
  ] as const) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`view=${view}`));
    await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
  }
  await page.goBack();
  await expect(page).toHaveURL(/view=connectivity/);
  await nav.getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('search', { name: 'Neuron search' })).toBeVisible();
});

test('switches project with the picker and puts it in the URL', async ({ page }) => {
  await page.goto('/');
  const picker = page.getByLabel('Project');
  await expect(picker.getByRole('option')).toHaveCount(2);
  await picker.selectOption({ label: 'Demo mini (synthetic) (#2)' });
  await expect(page).toHaveURL(/pid=2/);
  const status = page.getByRole('region', { name: 'Search results' }).getByRole('status');
  await expect(status).toHaveText(/^\d+ neurons match$/);
  expect(Number((await status.innerText()).replace(/\D/g, ''))).toBeLessThan(150);
});

test('a project that does not exist gets a banner, not a crash', async ({ page }) => {
  await page.goto('/?pid=987654');
  await expect(page.getByRole('alert')).toContainText('Project 987654 is not available');
  await expect(page.getByLabel('Project')).toBeVisible();
});

test('a garbled URL opens the default search view', async ({ page }) => {
  await page.goto('/?view=%%%&pid=abc&page=-3&cs=maybe');
  await expect(page.getByRole('search', { name: 'Neuron search' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toHaveText(
    /neurons match/,
  );
});

test.describe('a view whose code fails to load', () => {
  // The failed chunk request and React's report of the error the boundary caught are provoked.
  test.use({
    expectedConsoleErrors: ['ERR_CONNECTION_RESET', 'Failed to fetch dynamically imported module'],
  });

  test('says so with Retry, and Retry loads it once the server answers again', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('search', { name: 'Neuron search' })).toBeVisible();
    const chunk = '**/assets/StatsView-*.js';
    await page.route(chunk, (route) => route.abort('connectionreset'));
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Stats' })
      .click();
    const alert = page.getByRole('alert').filter({ hasText: 'stopped working' });
    await expect(alert).toBeVisible();
    await page.unroute(chunk);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('heading', { name: /Project summary/i })).toBeVisible();
    await expect(page).toHaveURL(/view=stats/);
  });
});
