import { afterEach, describe, expect, it, vi } from 'vitest';
import { abortableSleep } from './abortable-sleep.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('abortableSleep', () => {
  it('resolves after the wait, not before', async () => {
    vi.useFakeTimers();
    let done = false;
    const p = abortableSleep(100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(done).toBe(true);
  });

  it('rejects with the abort reason as soon as the signal aborts, and at once if it already has', async () => {
    vi.useFakeTimers();
    const c = new AbortController();
    const p = abortableSleep(10_000, c.signal);
    const reason = new Error('cancelled');
    c.abort(reason);
    await expect(p).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    await expect(abortableSleep(10, c.signal)).rejects.toBe(reason);
  });
});
