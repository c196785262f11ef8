/**
 * The fault suite's fixtures: each Playwright worker drives its own stack (a dashboard server
 * behind its own fault proxy, see FAULT_STACKS in playwright.config.ts), so rules set by one
 * worker never hit the other's requests. `faults` sets and clears that proxy's rules over HTTP and
 * clears them after every test, pass or fail.
 */
import type {
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  TestType,
} from '@playwright/test';
import { FAULT_STACKS } from '../../playwright.config.ts';
import { CATMAID_ERROR_TEXT } from '../../test-support/fault-bodies.ts';
import type { FaultKind, FaultRule } from '../../test-support/fault-proxy.ts';
import { test as base, expect } from '../fixtures.ts';

interface FaultControl {
  set(rules: FaultRule[]): Promise<void>;
  clear(): Promise<void>;
  stats(): Promise<Record<string, number>>;
  proxyURL: string;
}

interface WorkerFixtures {
  faultStack: { baseURL: string; proxyURL: string };
}

async function control(proxyURL: string, method: string, path: string, body?: unknown) {
  const res = await fetch(new URL(path, proxyURL), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fault proxy ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as unknown;
}

interface TestFixtures {
  faults: FaultControl;
  expectedConsoleErrors: string[];
  consoleGuard: null;
}

// Spelled out because the base fixtures' interface is not exported (declaration emit needs it).
export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & TestFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions & WorkerFixtures
> = base.extend<{ faults: FaultControl }, WorkerFixtures>({
  faultStack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their deps this way
    async ({}, use, workerInfo) => {
      const stack = FAULT_STACKS[workerInfo.parallelIndex];
      if (!stack) {
        throw new Error(
          `the fault suite has ${FAULT_STACKS.length} stacks: run it with at most that many workers`,
        );
      }
      await use({
        baseURL: `http://127.0.0.1:${stack.dashboardPort}`,
        proxyURL: `http://127.0.0.1:${stack.proxyPort}/`,
      });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ faultStack }, use) => {
    await use(faultStack.baseURL);
  },
  faults: async ({ faultStack }, use) => {
    const { proxyURL } = faultStack;
    const faults: FaultControl = {
      proxyURL,
      set: async (rules) => void (await control(proxyURL, 'PUT', '__faults', { rules })),
      clear: async () => void (await control(proxyURL, 'DELETE', '__faults')),
      stats: async () =>
        (await control(proxyURL, 'GET', '__faults/stats')) as Record<string, number>,
    };
    await faults.clear();
    await use(faults);
    await faults.clear();
  },
});

export { expect };

/** The faults every view is tested with (echo-headers has its own spec). */
export const CASE_FAULTS = [
  '500',
  '502',
  '503',
  'reset',
  'truncated',
  'malformed-json',
  'catmaid-error',
  'html-login',
  'unauthorized-after-first',
  'stall',
] as const satisfies readonly FaultKind[];
export type CaseFault = (typeof CASE_FAULTS)[number];

export const FAULT_LABEL: Record<CaseFault, string> = {
  '500': 'HTTP 500',
  '502': 'HTTP 502',
  '503': 'HTTP 503',
  reset: 'connection reset mid-body',
  truncated: 'truncated body',
  'malformed-json': 'malformed JSON',
  'catmaid-error': "200 with CATMAID's error JSON",
  'html-login': 'HTML login page',
  'unauthorized-after-first': '401 after a first success',
  stall: 'stalled request',
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The wording contract: what the message must say for each fault (all must match,
 * case-insensitive). The app names the cause, not just "failed".
 */
export const CAUSE: Record<CaseFault, RegExp[]> = {
  '500': [/500/],
  '502': [/502/],
  '503': [/503/],
  reset: [/connection/i, /CATMAID/i],
  truncated: [/cut off|incomplete|truncated/i],
  'malformed-json': [/not valid JSON|malformed/i],
  'catmaid-error': [new RegExp(escapeRegExp(CATMAID_ERROR_TEXT), 'i')],
  'html-login': [/login page/i],
  'unauthorized-after-first': [/token/i],
  stall: [/timed out|did not answer in time/i],
};
