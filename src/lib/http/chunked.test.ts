import { describe, expect, it } from 'vitest';
import { fetchChunked, runChunked, splitChunks } from './chunked.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('splitChunks', () => {
  it('splits into chunks of at most n', () => {
    expect(splitChunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(splitChunks([], 3)).toEqual([]);
    expect(() => splitChunks([1], 0)).toThrow(RangeError);
  });
});

describe('runChunked', () => {
  it('never has more than `concurrency` chunks in flight, and keeps chunk order', async () => {
    let inFlight = 0;
    let max = 0;
    const ids = Array.from({ length: 23 }, (_, i) => i);
    const out = await runChunked(ids, 3, 2, async (chunk) => {
      inFlight++;
      max = Math.max(max, inFlight);
      await wait(Math.random() * 5);
      inFlight--;
      return chunk.reduce((a, b) => a + b, 0);
    });
    expect(max).toBe(2);
    expect(out).toHaveLength(8);
    expect(out[0]).toBe(0 + 1 + 2);
    expect(out[7]).toBe(21 + 22);
  });

  it('reports progress in ids', async () => {
    const progress: [number, number][] = [];
    await runChunked([1, 2, 3, 4, 5], 2, 1, async (c) => c, {
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('rethrows the first failure and aborts the siblings', async () => {
    const aborted: number[] = [];
    const run = runChunked([1, 2, 3, 4], 1, 4, async (chunk, signal, i) => {
      if (i === 0) {
        await wait(2);
        throw new Error('boom');
      }
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => (aborted.push(i), reject(signal.reason))),
      );
      return chunk;
    });
    await expect(run).rejects.toThrow('boom');
    expect(aborted.sort()).toEqual([1, 2, 3]);
  });

  it('stops on caller abort and rejects with its reason', async () => {
    const controller = new AbortController();
    let started = 0;
    const run = runChunked(
      [1, 2, 3, 4, 5, 6],
      1,
      2,
      async (_c, signal) => {
        started++;
        await new Promise((resolve, reject) => {
          setTimeout(resolve, 20);
          signal.addEventListener('abort', () => reject(signal.reason));
        });
      },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('cancelled')), 5);
    await expect(run).rejects.toThrow('cancelled');
    expect(started).toBe(2);
  });

  it('returns [] for no ids', async () => {
    expect(await runChunked([], 10, 3, async () => 1)).toEqual([]);
  });
});

describe('fetchChunked', () => {
  it('de-duplicates, chunks and merges in chunk order', async () => {
    const sent: number[][] = [];
    const out = await fetchChunked(
      [3, 1, 3, 2, 1, 4, 5],
      { chunkSize: 2, concurrency: 2 },
      async (chunk) => {
        sent.push(chunk);
        return chunk.map((id) => id * 10);
      },
      (parts, ids) => ({ values: parts.flat(), ids }),
    );
    expect(sent).toEqual([[3, 1], [2, 4], [5]]);
    expect(out).toEqual({ values: [30, 10, 20, 40, 50], ids: [3, 1, 2, 4, 5] });
  });

  it('sends nothing for no ids and merges the empty result', async () => {
    let requests = 0;
    const out = await fetchChunked(
      [],
      { chunkSize: 10, concurrency: 1 },
      async () => ++requests,
      (parts) => parts.length,
    );
    expect(requests).toBe(0);
    expect(out).toBe(0);
  });
});
