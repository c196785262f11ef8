import { describe, expect, it } from 'vitest';
import { spreadOrder } from './spread-order.ts';

describe('spreadOrder', () => {
  it('takes every ⌈√n⌉-th item first, then the ones after them', () => {
    expect(spreadOrder([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([0, 4, 8, 1, 5, 9, 2, 6, 3, 7]);
  });

  it('keeps every item exactly once', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i * 7);
    const out = spreadOrder(items);
    expect(out).toHaveLength(1000);
    expect(new Set(out).size).toBe(1000);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
  });

  it('samples the whole list in any prefix', () => {
    const out = spreadOrder(Array.from({ length: 1000 }, (_, i) => i));
    const first = out.slice(0, 32);
    expect(Math.min(...first)).toBe(0);
    expect(Math.max(...first)).toBeGreaterThanOrEqual(960);
  });

  it('leaves short lists as they are', () => {
    expect(spreadOrder([])).toEqual([]);
    expect(spreadOrder([5])).toEqual([5]);
    expect(spreadOrder([5, 6])).toEqual([5, 6]);
  });
});
