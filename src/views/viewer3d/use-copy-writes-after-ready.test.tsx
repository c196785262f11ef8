// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SkeletonPool } from '../../workers/skeleton-pool.ts';
import { useCopyWritesAfterReady } from './use-copy-writes-after-ready.ts';

function countingPool() {
  const log: string[] = [];
  let n = 0;
  const pool = {
    holdCopyWrites: () => {
      const id = ++n;
      log.push(`hold ${id}`);
      return () => log.push(`release ${id}`);
    },
  } as unknown as SkeletonPool;
  return { pool, log };
}

describe('useCopyWritesAfterReady', () => {
  it('holds writes while loading and lets them go when the scene is ready', () => {
    const { pool, log } = countingPool();
    const { result, rerender, unmount } = renderHook(
      ({ settled }) => useCopyWritesAfterReady(pool, settled),
      { initialProps: { settled: false } },
    );
    expect(log).toEqual(['hold 1']);
    // Settled is not ready: the last frame is still being drawn.
    rerender({ settled: true });
    expect(log).toEqual(['hold 1']);
    result.current();
    result.current();
    expect(log).toEqual(['hold 1', 'release 1']);
    // The next load holds again; leaving the view mid-way lets go.
    rerender({ settled: false });
    expect(log).toEqual(['hold 1', 'release 1', 'hold 2']);
    unmount();
    expect(log).toEqual(['hold 1', 'release 1', 'hold 2', 'release 2']);
  });

  it('holds nothing when nothing loads', () => {
    const { pool, log } = countingPool();
    renderHook(() => useCopyWritesAfterReady(pool, true));
    expect(log).toEqual([]);
  });
});
