/**
 * The search view's phases as the search CPU bench and the long-task profile drive them: load
 * 50,000 results, wait for their summaries, scroll the whole table; each phase ends with a
 * performance mark (`search-loaded`, `search-scroll`, `search-scrolled`) the traces are cut by.
 */
import type { Page } from '@playwright/test';

/** Until the first row on screen shows its summary (node count, not '…'). */
export async function summariesShown(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document
        .querySelector('[aria-label="Search results"] tbody tr[aria-rowindex] td:nth-child(5)')
        ?.textContent?.includes('…'),
    null,
    { timeout: 120_000 },
  );
}

export async function loadAndScroll(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/?pid=1`);
  await page.waitForFunction(
    () =>
      /^[\d,]+ neurons match$/.test(
        document.querySelector('[aria-label="Search results"] [role="status"]')?.textContent ?? '',
      ),
    null,
    { timeout: 300_000 },
  );
  await page.evaluate(() => performance.mark('search-loaded'));
  await summariesShown(page);
  await page.evaluate(async () => {
    performance.mark('search-scroll');
    const el = document.querySelector('.table-scroll');
    if (!el) throw new Error('no results table');
    for (let i = 1; i <= 120; i++) {
      el.scrollTop = i * 600;
      await new Promise((r) => requestAnimationFrame(r));
    }
    performance.mark('search-scrolled');
  });
}
