import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleCopyWriter } from './idle-copy-writer.ts';

const copy = (key: string, bytes: number): [string, ArrayBuffer] => [key, new ArrayBuffer(bytes)];

function setup() {
  let loads = 0;
  const steps: string[][] = [];
  let done = 0;
  const writer = createIdleCopyWriter({
    busy: () => loads > 0,
    write: (step) => {
      steps.push(step.map(([k]) => k));
      return Promise.resolve();
    },
    afterAll: () => done++,
    idleMs: 100,
    stepBytes: 10,
  });
  return {
    writer,
    steps,
    afterAll: () => done,
    setLoads: (n: number) => (loads = n),
  };
}

describe('idle copy writer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once idle, in steps of the byte bound, then runs afterAll', async () => {
    const t = setup();
    t.writer.add([copy('a', 6), copy('b', 6), copy('c', 6)]);
    await vi.advanceTimersByTimeAsync(99);
    expect(t.steps).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.steps).toEqual([['a', 'b'], ['c']]);
    expect(t.writer.pending).toBe(0);
    expect(t.afterAll()).toBe(1);
  });

  it('waits while a load runs, and writes after the last one ends', async () => {
    const t = setup();
    t.setLoads(1);
    t.writer.add([copy('a', 1)]);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.steps).toEqual([]);
    t.setLoads(0);
    t.writer.poke();
    await vi.advanceTimersByTimeAsync(100);
    expect(t.steps).toEqual([['a']]);
  });

  it('holds every write while the page holds them, and writes when let go', async () => {
    const t = setup();
    t.writer.setHeld(true);
    t.writer.add([copy('a', 1), copy('b', 1)]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.steps).toEqual([]);
    expect(t.writer.pending).toBe(2);
    t.writer.setHeld(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(t.steps).toEqual([['a', 'b']]);
  });

  it('a hold that comes between steps stops the rest until it ends', async () => {
    let release: () => void = () => undefined;
    const steps: string[][] = [];
    const writer = createIdleCopyWriter({
      busy: () => false,
      write: (step) => {
        steps.push(step.map(([k]) => k));
        return steps.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
      idleMs: 100,
      stepBytes: 1,
    });
    writer.add([copy('a', 1), copy('b', 1), copy('c', 1)]);
    await vi.advanceTimersByTimeAsync(100);
    expect(steps).toEqual([['a']]);
    writer.setHeld(true);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(steps).toEqual([['a']]);
    writer.setHeld(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(steps).toEqual([['a'], ['b'], ['c']]);
  });

  it('a failed write drops what is left (it only costs a refetch)', async () => {
    const writer = createIdleCopyWriter({
      busy: () => false,
      write: () => Promise.reject(new Error('quota')),
      idleMs: 10,
      stepBytes: 1,
    });
    writer.add([copy('a', 1), copy('b', 1)]);
    await vi.advanceTimersByTimeAsync(10);
    expect(writer.pending).toBe(0);
  });
});
