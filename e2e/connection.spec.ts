import { test, expect } from './fixtures.ts';
import { BAD_TOKEN_PORT, SERVER_DOWN_PORT } from '../playwright.config.ts';

test.describe('a CATMAID that rejects the token', () => {
  test.use({ expectedConsoleErrors: ['status of 401'] });

  test('shows a banner saying the token was rejected and what to do', async ({ page }) => {
    await page.goto(`http://127.0.0.1:${BAD_TOKEN_PORT}/`);
    const banner = page.getByRole('alert').first();
    await expect(banner).toContainText('rejected the API token');
    await expect(banner).toContainText('CATMAID_TOKEN');
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  });
});

test.describe('a CATMAID that is down', () => {
  test.use({ expectedConsoleErrors: ['status of 502'] });

  test('shows a banner saying the server cannot be reached', async ({ page }) => {
    await page.goto(`http://127.0.0.1:${SERVER_DOWN_PORT}/`);
    const banner = page.getByRole('alert').first();
    await expect(banner).toContainText('Cannot reach the CATMAID server');
    await expect(banner).toContainText('CATMAID_URL');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(banner).toContainText('Cannot reach the CATMAID server');
  });
});

test.describe('a dropped connection: the dashboard server or CATMAID?', () => {
  test.use({ expectedConsoleErrors: ['net::ERR_'] });

  test('blames CATMAID while the dashboard server answers, and Retry recovers', async ({
    page,
  }) => {
    await page.route('**/api/catmaid/projects/**', (route) => route.abort('connectionreset'));
    await page.goto('/');
    const banner = page.getByRole('alert').filter({ hasText: 'dropped the connection' });
    await expect(banner).toContainText('CATMAID', { timeout: 40_000 });
    await expect(page.getByText('Cannot reach the dashboard server')).toHaveCount(0);
    await page.unrouteAll();
    await banner.getByRole('button', { name: 'Retry', exact: true }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByLabel('Project')).toContainText('Demo larva');
  });

  test('says the dashboard server is unreachable when it does not answer either', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByLabel('Project')).toContainText('Demo larva');
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.getByLabel('Neuron name').fill('zz-not-cached');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const error = page.getByRole('alert').filter({ hasText: 'The search failed' });
    await expect(error).toContainText('Cannot reach the dashboard server', { timeout: 40_000 });
    await expect(error.getByRole('button', { name: 'Retry', exact: true })).toBeVisible();
  });
});
