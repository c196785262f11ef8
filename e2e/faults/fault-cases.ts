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
  /**
   * The data of the n-th action is shown, and (unless `alertsAllowed`) no failure is left on
   * screen.
   */
  expectData(page: Page, n: number, alertsAllowed?: boolean): Promise<void>;
  /** Everything set up by `open` (and added by actions 0..n) is still there. */
  expectKept(page: Page, n: number): Promise<void>;
  /** The name of the retry button in the failure's alert (default "Retry"). */
  retryButton?: string;
}

/** The alerts on the page whose text names the cause (every regex of the contract matches). */
function causeAlerts(scope: Page | Locator, fault: CaseFault): Locator {
  let alerts = scope.getByRole('alert');
  for (const re of CAUSE[fault]) alerts = alerts.filter({ hasText: re });
  return alerts;
}

const causeAlert = (scope: Page | Locator, fault: CaseFault) => causeAlerts(scope, fault).first();

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
          // The token works once, then CATMAID starts rejecting it (other requests of the view to
          // the same endpoint may be the ones that find out first).
          await view.trigger(page, n);
          await view.expectData(page, n, true);
          n += 1;
        }
        await view.trigger(page, n);

        const alert = causeAlert(page, fault);
        // 5xx and network failures are retried by the app before it gives up (about 10 s).
        await expect(alert).toBeVisible({ timeout: 45_000 });
        for (const re of CAUSE[fault]) await expect(alert).toContainText(re);
        expect((await faults.stats())[`fault:${fault}`] ?? 0).toBeGreaterThan(0);

        await faults.clear();
        // The Retry comes with the message: no need to wait long for it.
        const name = view.retryButton ?? 'Retry';
        await expect(alert.getByRole('button', { name, exact: true })).toBeVisible({
          timeout: 3000,
        });
        // Every message naming the cause is retried (after a 401, sibling requests failed too),
        // last first so earlier ones keep their place. One Retry may also clear a sibling's
        // message (a re-run add refreshes the names that failed beside it), so each click waits
        // for the count to drop and the next round looks again; expectData then checks that no
        // message is left.
        const retries = causeAlerts(page, fault).getByRole('button', { name, exact: true });
        for (let left = await retries.count(); left > 0; left = await retries.count()) {
          await retries.last().click();
          await expect.poll(() => retries.count()).toBeLessThan(left);
        }
        await view.expectData(page, n);
        await view.expectKept(page, n);
      });
    });
  }
}
