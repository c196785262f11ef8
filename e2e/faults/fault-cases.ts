/**
 * One test per (view × fault): set the view's state up, inject the fault on the view's endpoint,
 * trigger the action, expect a message naming the cause, clear the fault, press its Retry, and
 * check the data arrived and nothing was lost. Each view describes itself as a ViewUnderFault.
 */
import type { Locator, Page } from '@playwright/test';
import { CASE_FAULTS, CAUSE, FAULT_LABEL, expect, test, type CaseFault } from './fault-fixtures.ts';

export interface ViewUnderFault {
  name: string;
  /** Rule path: substring of the CATMAID path (after the root) the view's action requests. */
  endpoint: string;
  /** Substrings of the browser URLs of that endpoint (failed loads there are expected). */
  endpointUrls: string[];
  /** Opens the view with its state (selection with custom colours, view options, filters). */
  open(page: Page): Promise<void>;
  /** The n-th action (n = 0, 1): each one makes the view request the endpoint anew. */
  trigger(page: Page, n: number): Promise<void>;
  /** The data of the n-th action is shown, with no failure left on screen. */
  expectData(page: Page, n: number): Promise<void>;
  /** Everything set up by `open` (and added by actions 0..n) is still there. */
  expectKept(page: Page, n: number): Promise<void>;
  /** The name of the retry button in the failure's alert (default "Retry"). */
  retryButton?: string;
}

/** The alert on the page whose text names the cause (every regex of the contract matches). */
export function causeAlert(scope: Page | Locator, fault: CaseFault): Locator {
  let alerts = scope.getByRole('alert');
  for (const re of CAUSE[fault]) alerts = alerts.filter({ hasText: re });
  return alerts.first();
}

export function faultCases(view: ViewUnderFault): void {
  for (const fault of CASE_FAULTS) {
    test.describe(`${view.name} × ${FAULT_LABEL[fault]}`, () => {
      // Chromium logs "Failed to load resource" for a failed request; only the faulted endpoint's.
      test.use({ expectedConsoleErrors: view.endpointUrls });

      test(`${view.name}: ${FAULT_LABEL[fault]} is named, retried, and loses nothing`, async ({
        page,
        faults,
      }) => {
        await view.open(page);
        await faults.set([{ path: view.endpoint, fault }]);
        let n = 0;
        if (fault === 'unauthorized-after-first') {
          // The token works once, then CATMAID starts rejecting it.
          await view.trigger(page, n);
          await view.expectData(page, n);
          n += 1;
        }
        await view.trigger(page, n);

        const alert = causeAlert(page, fault);
        await expect(alert).toBeVisible();
        for (const re of CAUSE[fault]) await expect(alert).toContainText(re);
        expect((await faults.stats())[`fault:${fault}`] ?? 0).toBeGreaterThan(0);

        await faults.clear();
        // The Retry comes with the message: no need to wait long for it.
        const retry = alert.getByRole('button', { name: view.retryButton ?? 'Retry', exact: true });
        await expect(retry).toBeVisible({ timeout: 3000 });
        await retry.click();
        await view.expectData(page, n);
        await view.expectKept(page, n);
      });
    });
  }
}
