/**
 * Shared test fixture: every page fails its test on any console error or uncaught exception,
 * unless the test declares the exact messages it expects (e.g. a 401 it provoked on purpose).
 */
import { test as base, expect, type ConsoleMessage } from '@playwright/test';

interface Fixtures {
  /** Substrings of console errors this test provokes on purpose. */
  expectedConsoleErrors: string[];
  consoleGuard: null;
}

export const test = base.extend<Fixtures>({
  expectedConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ page, expectedConsoleErrors }, use) => {
      const problems: string[] = [];
      const onConsole = (msg: ConsoleMessage) => {
        if (msg.type() !== 'error') return;
        const text = `${msg.text()} @ ${msg.location().url}`;
        if (!expectedConsoleErrors.some((expected) => text.includes(expected))) problems.push(text);
      };
      page.on('console', onConsole);
      page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
      await use(null);
      expect(problems, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
