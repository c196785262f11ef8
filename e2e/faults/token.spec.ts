/**
 * No response that reaches the browser carries the dashboard's credentials, even when CATMAID
 * (here: a Django debug page from the fault proxy) echoes every request header back.
 */
import type { Response } from '@playwright/test';
import { FAULT_BASIC_PASSWORD, FAULT_BASIC_USER, FAULT_TOKEN } from '../../playwright.config.ts';
import { openView, searchByName } from '../helpers.ts';
import { expect, test } from './fault-fixtures.ts';

const SECRETS = [
  FAULT_TOKEN,
  FAULT_BASIC_PASSWORD,
  Buffer.from(`${FAULT_BASIC_USER}:${FAULT_BASIC_PASSWORD}`).toString('base64'),
];

test.use({ expectedConsoleErrors: ['/api/catmaid/'] });

test('an upstream page echoing the request headers never brings the token to the browser', async ({
  page,
  faults,
}) => {
  // The proxy really echoes what it is sent: without redaction the token would arrive.
  await faults.set([{ path: '/./', fault: 'echo-headers' }]);
  const direct = await fetch(new URL('1/skeletons/compact-detail', faults.proxyURL), {
    headers: { 'x-authorization': `Token ${FAULT_TOKEN}` },
  });
  expect(await direct.text()).toContain(FAULT_TOKEN);
  await faults.clear();

  const seen: string[] = [];
  const pending: Promise<void>[] = [];
  const record = async (res: Response) => {
    const headers = Object.entries(await res.allHeaders())
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
    const body = await res.body().then(
      (b) => b.toString('utf8'),
      () => '',
    );
    seen.push(`${res.status()} ${res.url()}\n${headers}\n\n${body}`);
  };
  page.on('response', (res) => void pending.push(record(res)));

  await page.goto('/?sel=1000_123456-1090_abcdef');
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toHaveText(
    /match/,
  );

  // Every CATMAID request now gets the debug page: search, then open Stats and 3D.
  const echoed = async () => (await faults.stats())['fault:echo-headers'] ?? 0;
  await faults.set([{ path: '/./', fault: 'echo-headers' }]);
  await page.getByLabel('Neuron name').fill('PN');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  for (const view of ['Stats', '3D'] as const) {
    const before = await echoed();
    await openView(page, view);
    await expect.poll(echoed).toBeGreaterThan(before);
  }
  await page.waitForLoadState('networkidle');
  // Read every answer so far before leaving the 3D view: its skeleton workers' answers can no
  // longer be read once the view has closed them.
  await Promise.all(pending);
  await faults.clear();
  await openView(page, 'Search');
  await searchByName(page, 'KC');
  await Promise.all(pending);

  expect((await faults.stats())['fault:echo-headers'] ?? 0).toBeGreaterThan(2);
  const catmaid = seen.filter((s) => s.includes('/api/catmaid/'));
  expect(catmaid.length).toBeGreaterThan(2);
  for (const secret of SECRETS) {
    const leaks = seen.filter((s) => s.includes(secret)).map((s) => s.slice(0, 200));
    expect(leaks, `responses carrying ${secret.slice(0, 6)}…`).toEqual([]);
  }
});
