/**
 * Vitest setup for every test file. In a DOM environment (`*.test.tsx`, or a file with a
 * `// @vitest-environment jsdom` docblock) Testing Library unmounts what a test rendered after it;
 * node-environment files skip the import entirely.
 */
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
