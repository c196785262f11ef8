import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './test-support/chromium-flags.ts';

/**
 * E2E tests drive Debian's Chromium (`/usr/bin/chromium`; `npx playwright install` cannot work
 * without internet) against the built app served by `npm run serve`, with the embedded demo
 * server behind the proxy. Two more servers cover connection problems: one whose CATMAID rejects
 * the proxy's token, one whose CATMAID is down. The fault suite (project `faults`) puts a
 * fault-injecting proxy (test-support/fault-proxy.ts) between a dashboard server and a demo server.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT_BASE moves every test server, so two runs on one machine do not collide.
const base = Number(process.env.E2E_PORT_BASE ?? 4321);
export const E2E_PORT = base;
export const BAD_TOKEN_PORT = base + 1;
export const SERVER_DOWN_PORT = base + 2;
const DEMO_WITH_TOKEN_PORT = base + 78;
// The fault suite (e2e/faults): one demo server, and per Playwright worker a fault proxy in front
// of it and a dashboard server behind that, so the two workers never share (and race) fault rules.
const FAULT_DEMO_PORT = base + 79;
export const FAULT_STACKS = [0, 1].map((i) => ({
  dashboardPort: base + 3 + i,
  proxyPort: base + 80 + i,
}));
/** The dashboard's credentials in the fault suite: no response may ever carry them. */
export const FAULT_TOKEN = '5eed'.repeat(10);
export const FAULT_BASIC_USER = 'fault-suite';
export const FAULT_BASIC_PASSWORD = 'pw-7c1d0e55-never-echoed';
// The edited-skeleton spec (e2e/stale-skeleton.spec.ts): a demo server that accepts test-only
// edits (DEMO_TEST_EDITS=1, reached directly by the test) and a dashboard server in front of it.
export const EDITS_DEMO_PORT = base + 70;
export const EDITS_DASHBOARD_PORT = base + 71;
/** The browser's timeout for a request that gets no answer (the app reads it from /api/config). */
export const FAULT_STALL_TIMEOUT_MS = 3000;

// The main test server's skeleton cache starts empty on every run (never the user's ~/.cache,
// never a previous run's). Workers load this file again and inherit the variable, so one run
// makes one folder. Servers whose tests check what CATMAID answers (faults, bad token, server
// down) run without a cache: a hit would hide the fault under test.
process.env.E2E_CACHE_DIR ??= mkdtempSync(join(tmpdir(), 'e2e-skeleton-cache-'));
const NO_CACHE = { CACHE: 'off' };

const serve = (port: number, env: Record<string, string>) => ({
  command: 'node --import tsx server/serve.ts',
  url: `http://127.0.0.1:${port}/api/config`,
  env: {
    PORT: String(port),
    HOST: '127.0.0.1',
    CATMAID_URL: '',
    CATMAID_TOKEN: '',
    DIST_DIR: process.env.DIST_DIR ?? '',
    ...env,
  },
  reuseExistingServer: false,
  timeout: 180_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: 'e2e',
  globalTeardown: './e2e/global-teardown.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_FLAGS,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'default', testIgnore: '**/faults/**', grepInvert: /@responsive/ },
    // Fault specs drive a stack per worker (FAULT_STACKS) and set its rules per test.
    { name: 'faults', testDir: 'e2e/faults', timeout: 90_000 },
    // Tests that assert main-thread task lengths (wall time) run last, on their own: beside
    // another test's browser (software GL fills both cores) a 60 ms task can take 300 ms.
    {
      name: 'responsive',
      testIgnore: '**/faults/**',
      grep: /@responsive/,
      dependencies: ['default', 'faults'],
    },
  ],
  webServer: [
    serve(E2E_PORT, { CACHE_DIR: process.env.E2E_CACHE_DIR }),
    {
      command: `node --import tsx server/demo/main.ts --port ${DEMO_WITH_TOKEN_PORT}`,
      url: `http://127.0.0.1:${DEMO_WITH_TOKEN_PORT}/version`,
      env: { DEMO_TOKEN: 'f'.repeat(40) },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
    },
    serve(BAD_TOKEN_PORT, {
      CATMAID_URL: `http://127.0.0.1:${DEMO_WITH_TOKEN_PORT}/`,
      CATMAID_TOKEN: '0'.repeat(40),
      ...NO_CACHE,
    }),
    serve(SERVER_DOWN_PORT, { CATMAID_URL: 'http://127.0.0.1:9/', ...NO_CACHE }),
    {
      command: `node --import tsx server/demo/main.ts --port ${EDITS_DEMO_PORT}`,
      url: `http://127.0.0.1:${EDITS_DEMO_PORT}/version`,
      env: { DEMO_TEST_EDITS: '1' },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore' as const,
    },
    serve(EDITS_DASHBOARD_PORT, { CATMAID_URL: `http://127.0.0.1:${EDITS_DEMO_PORT}/` }),
    {
      command: `node --import tsx server/demo/main.ts --port ${FAULT_DEMO_PORT}`,
      url: `http://127.0.0.1:${FAULT_DEMO_PORT}/version`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
    },
    ...FAULT_STACKS.flatMap(({ dashboardPort, proxyPort }) => [
      {
        command: `node --import tsx test-support/fault-proxy-main.ts --port ${proxyPort} --target http://127.0.0.1:${FAULT_DEMO_PORT}/`,
        url: `http://127.0.0.1:${proxyPort}/__faults/stats`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'ignore' as const,
      },
      serve(dashboardPort, {
        CATMAID_URL: `http://127.0.0.1:${proxyPort}/`,
        CATMAID_TOKEN: FAULT_TOKEN,
        CATMAID_HTTP_USER: FAULT_BASIC_USER,
        CATMAID_HTTP_PASSWORD: FAULT_BASIC_PASSWORD,
        DASHBOARD_STALL_TIMEOUT_MS: String(FAULT_STALL_TIMEOUT_MS),
        ...NO_CACHE,
      }),
    ]),
  ],
});
