import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWriteHold } from './copy-write-hold.ts';

describe('copy write holds', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds while any holder holds; a release counts once', () => {
    const states: boolean[] = [];
    const h = createWriteHold((held) => states.push(held), 1_000);
    const a = h.hold();
    const b = h.hold();
    expect(states).toEqual([true]);
    a();
    a();
    expect(states).toEqual([true]);
    b();
    expect(states).toEqual([true, false]);
  });

  it('a hold nobody lets go ends by itself', () => {
    const states: boolean[] = [];
    const h = createWriteHold((held) => states.push(held), 1_000);
    const forgotten = h.hold();
    vi.advanceTimersByTime(999);
    expect(states).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(states).toEqual([true, false]);
    // Calling it late changes nothing, and a new hold holds again.
    forgotten();
    h.hold();
    expect(states).toEqual([true, false, true]);
  });
});
