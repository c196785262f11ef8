/**
 * A stable merge sort that yields to the browser between slices of a few milliseconds, for lists
 * too long to sort in one task (50,000 search results by name took ~120 ms with the collator).
 * Same result as a stable `Array.prototype.sort` with the same comparator.
 */
import { yieldToMain } from './time-sliced.ts';

export interface SortSliceOptions {
  /** Milliseconds of work before yielding; default 8. */
  budgetMs?: number;
  now?: () => number;
  yieldFn?: () => Promise<void>;
  /** Stops early (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

export async function sortTimeSliced<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  options: SortSliceOptions = {},
): Promise<T[]> {
  const budget = options.budgetMs ?? 8;
  const now = options.now ?? (() => performance.now());
  const yieldFn = options.yieldFn ?? yieldToMain;
  const n = items.length;
  let src = items.slice();
  let dst = new Array<T>(n);
  let sliceStart = now();
  let ops = 0;
  const maybeYield = async () => {
    if (++ops % 256 !== 0 || now() - sliceStart < budget) return;
    await yieldFn();
    options.signal?.throwIfAborted();
    sliceStart = now();
  };
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // `<= 0` keeps equal items in their order: the sort is stable.
        dst[k++] = compare(src[i] as T, src[j] as T) <= 0 ? (src[i++] as T) : (src[j++] as T);
        await maybeYield();
      }
      while (i < mid) dst[k++] = src[i++] as T;
      while (j < hi) dst[k++] = src[j++] as T;
    }
    [src, dst] = [dst, src];
  }
  return src;
}
