import { defineConfig } from 'vitest/config';

/**
 * Two projects: `*.test.ts` runs in node (unit, contract and server tests), `*.test.tsx` in jsdom
 * (component and hook tests with Testing Library and MSW, see `test-support/msw`). A `.test.ts`
 * file can still opt into jsdom with a `// @vitest-environment jsdom` docblock.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['test-support/dom-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'test-support/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['src/**/*.test.tsx', 'test-support/**/*.test.tsx'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
