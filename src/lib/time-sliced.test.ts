import { describe, expect, it } from 'vitest';
import { forEachTimeSliced } from './time-sliced.ts';

describe('forEachTimeSliced', () => {
  // A fake clock that advances 1 ms per item processed.
  function run(count: number, budgetMs: number, checkEvery = 1) {
    let clock = 0;
    const done: number[] = [];
    const slices: number[][] = [];
    let current: number[] = [];
    const p = forEachTimeSliced(
      Array.from({ length: count }, (_, i) => i),
      (item) => {
        done.push(item);
        current.push(item);
        clock += 1;
      },
      {
        budgetMs,
        checkEvery,
        now: () => clock,
        yieldFn: () => {
          slices.push(current);
          current = [];
          return Promise.resolve();
        },
        slice: (work) => work(),
      },
    );
    return p.then(() => ({ done, slices: [...slices, current] }));
  }

  it('handles every item once, in order, in slices no longer than the budget', async () => {
    const { done, slices } = await run(10, 3);
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(slices).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
  });

  it('does not yield when the work fits in one budget', async () => {
    const { slices } = await run(5, 100);
    expect(slices).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('reads the clock only every `checkEvery` items', async () => {
    const { slices } = await run(10, 1, 4);
    expect(slices).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
  });

  it('wraps each slice (e.g. one notification batch per slice)', async () => {
    const wrapped: number[] = [];
    let clock = 0;
    let inSlice = false;
    await forEachTimeSliced(
      [1, 2, 3, 4],
      (n) => {
        expect(inSlice).toBe(true);
        wrapped.push(n);
        clock += 2;
      },
      {
        budgetMs: 4,
        checkEvery: 1,
        now: () => clock,
        yieldFn: () => Promise.resolve(),
        slice: (work) => {
          inSlice = true;
          work();
          inSlice = false;
        },
      },
    );
    expect(wrapped).toEqual([1, 2, 3, 4]);
  });
  it('handles an empty list', async () => {
    expect((await run(0, 1)).done).toEqual([]);
  });
});
