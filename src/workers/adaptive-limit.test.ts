import { describe, expect, it } from 'vitest';
import { createAdaptiveLimit } from './adaptive-limit.ts';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const fast = { ms: 200, nodes: 50_000, overloaded: false };

describe('adaptive request concurrency (AIMD)', () => {
  it('grows by one per clean round while latency holds, up to the cap', () => {
    const c = clock();
    const limit = createAdaptiveLimit({ initial: 2, max: 5, now: c.now });
    const seen: number[] = [];
    for (let i = 0; i < 30; i++) {
      c.advance(50);
      limit.record(fast);
      seen.push(limit.current);
    }
    // 2 clean answers → 3, 3 more → 4, 4 more → 5, then capped.
    expect(seen.slice(0, 10)).toEqual([2, 3, 3, 3, 4, 4, 4, 4, 5, 5]);
    expect(limit.current).toBe(5);
  });

  it('halves on a 5xx or timeout, once per round however many fail together', () => {
    const c = clock();
    const limit = createAdaptiveLimit({ initial: 12, max: 16, now: c.now });
    c.advance(10);
    limit.record({ ms: 900, nodes: 0, overloaded: true });
    expect(limit.current).toBe(6);
    // The rest of the burst (requests sent before the halving) lands within one request time.
    for (let i = 0; i < 5; i++) {
      c.advance(100);
      limit.record({ ms: 900, nodes: 0, overloaded: true });
    }
    expect(limit.current).toBe(6);
    // Still failing a round later: halves again, never below the floor.
    c.advance(1000);
    limit.record({ ms: 900, nodes: 0, overloaded: true });
    expect(limit.current).toBe(3);
    for (let i = 0; i < 4; i++) {
      c.advance(2000);
      limit.record({ ms: 900, nodes: 0, overloaded: true });
    }
    expect(limit.current).toBe(2);
  });

  it('stops growing while answers slow down per node, and grows again once they recover', () => {
    const c = clock();
    const limit = createAdaptiveLimit({ initial: 4, max: 16, now: c.now });
    for (let i = 0; i < 4; i++) limit.record(fast);
    expect(limit.current).toBe(5);
    // The server starts queueing: the same work takes four times as long.
    for (let i = 0; i < 40; i++) limit.record({ ms: 800, nodes: 50_000, overloaded: false });
    expect(limit.current).toBe(5);
    for (let i = 0; i < 40; i++) limit.record(fast);
    expect(limit.current).toBeGreaterThan(5);
  });

  it('judges latency per node: a big batch that takes longer is not a slowdown', () => {
    const c = clock();
    const limit = createAdaptiveLimit({ initial: 2, max: 16, now: c.now });
    limit.record({ ms: 100, nodes: 10_000, overloaded: false });
    limit.record({ ms: 100, nodes: 10_000, overloaded: false });
    expect(limit.current).toBe(3);
    for (let i = 0; i < 3; i++) limit.record({ ms: 1000, nodes: 100_000, overloaded: false });
    expect(limit.current).toBe(4);
  });
});
