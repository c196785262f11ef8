// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * Layers (see README "Architecture"): views → components | api | state | 3d → lib.
 * Each zone lists what a folder may NOT import from.
 */
const layerZones = [
  {
    target: './src/lib',
    from: [
      './src/api',
      './src/state',
      './src/3d',
      './src/workers',
      './src/components',
      './src/views',
      './src/app',
      './src/analysis',
    ],
    message: 'src/lib is the bottom layer.',
  },
  {
    target: './src/api',
    from: [
      './src/state',
      './src/3d',
      './src/workers',
      './src/components',
      './src/views',
      './src/app',
      './src/analysis',
    ],
    message: 'src/api may only use src/lib.',
  },
  {
    target: './src/state',
    from: [
      './src/api',
      './src/3d',
      './src/workers',
      './src/components',
      './src/views',
      './src/app',
    ],
    message: 'src/state may only use src/lib.',
  },
  {
    target: './src/components',
    from: ['./src/api', './src/state', './src/3d', './src/workers', './src/views', './src/app'],
    message: 'src/components are generic UI: only src/lib.',
  },
  {
    target: './src/3d',
    from: ['./src/state', './src/components', './src/views', './src/app'],
    message: 'src/3d may use src/lib, src/api (domain types, decoders) and src/workers only.',
  },
  {
    target: './src/workers',
    from: ['./src/state', './src/components', './src/views', './src/app'],
    message: 'workers use src/lib, src/api decoders and pure src/3d geometry only.',
  },
  {
    target: './src/analysis',
    from: [
      './src/state',
      './src/3d',
      './src/workers',
      './src/components',
      './src/views',
      './src/app',
    ],
    message: 'src/analysis is pure computation over src/api domain types.',
  },
  { target: './src/views', from: ['./src/app'], message: 'nothing imports src/app.' },
];

const noReact = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', '@react-three/*', 'zustand', 'zustand/*'],
      message: 'This layer must not import React or UI state.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      '.cache',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='fetch']",
          message: 'Use the CATMAID HTTP client in src/lib/http (no fetch outside it).',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // A hint for the React Compiler about libraries it cannot memoise (react-virtual); this
      // project does not run the compiler, so the warning has nothing to act on.
      'react-hooks/incompatible-library': 'off',
    },
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: [
      'src/lib/**/*.ts',
      'src/api/**/*.ts',
      'src/3d/geometry/**/*.ts',
      'src/3d/export/**/*.ts',
      'src/workers/**/*.ts',
      'src/analysis/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', noReact] },
  },
  {
    // The HTTP client is the one place that may call fetch; servers and tests talk HTTP directly.
    files: [
      'src/lib/http/**/*.ts',
      'server/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      '**/*.test.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
