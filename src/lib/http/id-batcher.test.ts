import { describe, expect, it } from 'vitest';
import { createIdBatcher } from './id-batcher.ts';

function recordingFetch() {
  const asked: number[][] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const fetchMany = async (ids: readonly number[]) => {
    asked.push([...ids]);
    await gate;
    // The server omits unknown ids (here: negative ones).
    return new Map(ids.filter((id) => id >= 0).map((id) => [id, `n${id}`]));
  };
  return { asked, fetchMany, release: () => release() };
}

describe('createIdBatcher', () => {
  it('coalesces concurrent callers into one fetch of the union; each gets its own ids', async () => {
    const { asked, fetchMany, release } = recordingFetch();
    const batcher = createIdBatcher(fetchMany);
    const a = batcher.load([1, 2, 3]);
    const b = batcher.load([3, 4, -5]);
    release();
    const [ra, rb] = await Promise.all([a, b]);
    expect(asked).toEqual([[1, 2, 3, 4, -5]]);
    expect([...ra]).toEqual([
      [1, 'n1'],
      [2, 'n2'],
      [3, 'n3'],
    ]);
    expect([...rb]).toEqual([
      [3, 'n3'],
      [4, 'n4'],
    ]);
  });

  it('does not ask again for ids already on their way, and asks again once they settled', async () => {
    const { asked, fetchMany, release } = recordingFetch();
    const batcher = createIdBatcher(fetchMany);
    const first = batcher.load([1, 2]);
    await new Promise((r) => setTimeout(r, 20)); // the first batch is now in flight
    const second = batcher.load([2, 3]);
    release();
    expect(await second).toEqual(
      new Map([
        [2, 'n2'],
        [3, 'n3'],
      ]),
    );
    await first;
    expect(asked).toEqual([[1, 2], [3]]);
    await batcher.load([1]);
    expect(asked).toEqual([[1, 2], [3], [1]]);
  });

  it('a failed fetch rejects every caller of that batch', async () => {
    const batcher = createIdBatcher(() => Promise.reject(new Error('502')));
    const results = await Promise.allSettled([batcher.load([1]), batcher.load([2])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it("one caller's abort rejects only that caller", async () => {
    const { fetchMany, release } = recordingFetch();
    const batcher = createIdBatcher(fetchMany);
    const controller = new AbortController();
    const aborted = batcher.load([1], controller.signal);
    const kept = batcher.load([1, 2]);
    controller.abort(new Error('unmounted'));
    await expect(aborted).rejects.toThrow('unmounted');
    release();
    expect((await kept).size).toBe(2);
  });
});
