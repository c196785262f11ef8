import { describe, expect, it } from 'vitest';
import { sortTimeSliced } from './sort-sliced.ts';

describe('sortTimeSliced', () => {
  it('sorts like a stable Array.sort, yielding whenever the budget is spent', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ key: (i * 7919) % 97, i }));
    let clock = 0;
    let yields = 0;
    const sorted = await sortTimeSliced(items, (a, b) => a.key - b.key, {
      budgetMs: 4,
      now: () => (clock += 1),
      yieldFn: () => {
        yields++;
        return Promise.resolve();
      },
    });
    expect(sorted).toEqual([...items].sort((a, b) => a.key - b.key));
    expect(yields).toBeGreaterThan(10);
    expect(items[0]).toEqual({ key: 0, i: 0 });
  });

  it('handles empty and one-item lists', async () => {
    expect(await sortTimeSliced([], () => 0)).toEqual([]);
    expect(await sortTimeSliced([3], () => 0)).toEqual([3]);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    let clock = 0;
    const run = sortTimeSliced(
      Array.from({ length: 2000 }, (_, i) => -i),
      (a, b) => a - b,
      {
        budgetMs: 0,
        now: () => clock++,
        yieldFn: () => {
          controller.abort(new Error('newer sort'));
          return Promise.resolve();
        },
        signal: controller.signal,
      },
    );
    await expect(run).rejects.toThrow('newer sort');
  });
});
