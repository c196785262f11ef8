/**
 * Long loops cut into slices so that no main-thread task runs much longer than a frame: the loop
 * runs until its time budget is spent, then yields (to input, rendering, other tasks) and goes on.
 * Used where one piece of work scales with the number of results (50,000 cache entries, rows).
 */

/** Lets the browser run other tasks: `scheduler.yield()` where there is one, else a new task. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface SliceOptions {
  /** Milliseconds of work before yielding; default 8 (half a 60 Hz frame). */
  budgetMs?: number;
  /** Items between clock reads (the clock is not free either); default 64. */
  checkEvery?: number;
  now?: () => number;
  yieldFn?: () => Promise<void>;
}

/**
 * Calls `each` for every item in order, yielding whenever `budgetMs` has passed since the slice
 * began. `begin`/`end` wrap each slice (e.g. one notification batch per slice). Work that fits in
 * one budget finishes without yielding at all.
 */
export async function forEachTimeSliced<T>(
  items: readonly T[],
  each: (item: T, index: number) => void,
  options: SliceOptions & { slice?: (run: () => void) => void } = {},
): Promise<void> {
  const budget = options.budgetMs ?? 8;
  const checkEvery = Math.max(1, options.checkEvery ?? 64);
  const now = options.now ?? (() => performance.now());
  const yieldFn = options.yieldFn ?? yieldToMain;
  const slice = options.slice ?? ((run: () => void) => run());
  let i = 0;
  while (i < items.length) {
    const start = now();
    slice(() => {
      while (i < items.length) {
        each(items[i] as T, i);
        i++;
        if (i % checkEvery === 0 && now() - start >= budget) break;
      }
    });
    if (i < items.length) await yieldFn();
  }
}
