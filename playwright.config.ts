import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './test-support/chromium-flags.ts';

/**
 * E2E tests drive Debian's Chromium (`/usr/bin/chromium`; `npx playwright install` cannot work
 * without internet) against the built app served by `npm run serve`, with the embedded demo
 * server behind the proxy. Two more servers cover connection problems: one whose CATMAID rejects
 * the proxy's token, one whose CATMAID is down.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT_BASE moves every test server, so two runs on one machine do not collide.
const base = Number(process.env.E2E_PORT_BASE ?? 4321);
export const E2E_PORT = base;
export const BAD_TOKEN_PORT = base + 1;
export const SERVER_DOWN_PORT = base + 2;
const DEMO_WITH_TOKEN_PORT = base + 78;

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
  webServer: [
    serve(E2E_PORT, {}),
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
    }),
    serve(SERVER_DOWN_PORT, { CATMAID_URL: 'http://127.0.0.1:9/' }),
  ],
});
