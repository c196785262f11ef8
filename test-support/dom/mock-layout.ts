import { afterAll, beforeAll } from 'vitest';

/**
 * jsdom has no layout, so a virtualized table would show no rows: give every element a viewport
 * tall enough to show all rows of a small table (call at the top of a test file).
 */
export function mockLayout(height = 4000, width = 1200): void {
  const saved = {
    h: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    w: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  };
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get: () => height,
    });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
      configurable: true,
      get: () => width,
    });
  });
  afterAll(() => {
    if (saved.h) Object.defineProperty(HTMLElement.prototype, 'clientHeight', saved.h);
    if (saved.w) Object.defineProperty(HTMLElement.prototype, 'clientWidth', saved.w);
  });
}
