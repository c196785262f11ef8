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
