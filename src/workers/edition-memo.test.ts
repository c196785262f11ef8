import { describe, expect, it } from 'vitest';
import type { Editions } from './cache-validation.ts';
import { createEditionMemo, EDITION_MEMO_MS, MAX_EDITIONS_ASKED } from './edition-memo.ts';

/** A fake skeletons/summary: every id exists (edited at id × 10) except those in `gone`. */
function server(gone: number[] = []) {
  const calls: number[][] = [];
  let failNext = false;
  const ask = (ids: readonly number[]): Promise<Editions> => {
    calls.push([...ids]);
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error('summary failed'));
    }
    return Promise.resolve(
      new Map(ids.filter((id) => !gone.includes(id)).map((id) => [id, id * 10])),
    );
  };
  return {
    calls,
    ask,
    failOnce: () => {
      failNext = true;
    },
  };
}

describe('createEditionMemo', () => {
  it('asks once for a burst: the first load asks for the others ahead, they find theirs', async () => {
    const s = server();
    let t = 0;
    const memo = createEditionMemo(s.ask, () => t);
    const ahead = [1, 2, 3, 4, 5, 6];
    expect(await memo.source(ahead)([1, 2])).toEqual(
      new Map([
        [1, 10],
        [2, 20],
      ]),
    );
    t += 100;
    const [a, b] = await Promise.all([memo.source(ahead)([3, 4]), memo.source(ahead)([5, 6])]);
    expect(a).toEqual(
      new Map([
        [3, 30],
        [4, 40],
      ]),
    );
    expect(b.get(6)).toBe(60);
    expect(s.calls).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('leaves out skeletons absent from the answer (deleted or merged)', async () => {
    const s = server([2]);
    const memo = createEditionMemo(s.ask, () => 0);
    const got = await memo.source([])([1, 2]);
    expect([...got.keys()]).toEqual([1]);
  });

  it('asks again once an answer is older than EDITION_MEMO_MS', async () => {
    const s = server();
    let t = 0;
    const memo = createEditionMemo(s.ask, () => t);
    await memo.source([])([1]);
    t += EDITION_MEMO_MS - 1;
    await memo.source([])([1]);
    expect(s.calls).toHaveLength(1);
    t += 1;
    await memo.source([])([1]);
    expect(s.calls).toEqual([[1], [1]]);
  });

  it('forgets a failed request: its loads fail, the next load asks again', async () => {
    const s = server();
    const memo = createEditionMemo(s.ask, () => 0);
    s.failOnce();
    await expect(memo.source([2])([1])).rejects.toThrow('summary failed');
    expect(await memo.source([])([2])).toEqual(new Map([[2, 20]]));
    expect(s.calls).toEqual([[1, 2], [2]]);
  });

  it('a cancelled load stops waiting; the answer still serves the others', async () => {
    let release: (m: Editions) => void = () => undefined;
    const calls: number[][] = [];
    const ask = (ids: readonly number[]) => {
      calls.push([...ids]);
      return new Promise<Editions>((resolve) => {
        release = resolve;
      });
    };
    const memo = createEditionMemo(ask, () => 0);
    const controller = new AbortController();
    const cancelled = memo.source([2])([1], controller.signal);
    const other = memo.source([])([2]);
    controller.abort(new DOMException('load cancelled', 'AbortError'));
    await expect(cancelled).rejects.toThrow('load cancelled');
    release(
      new Map([
        [1, 10],
        [2, 20],
      ]),
    );
    expect(await other).toEqual(new Map([[2, 20]]));
    expect(calls).toEqual([[1, 2]]);
  });

  it('asks for at most MAX_EDITIONS_ASKED skeletons at once, the load’s own first', async () => {
    const s = server();
    const memo = createEditionMemo(s.ask, () => 0);
    const ahead = Array.from({ length: 3 * MAX_EDITIONS_ASKED }, (_, i) => i + 1);
    await memo.source(ahead)([9_999_999]);
    expect(s.calls).toHaveLength(1);
    expect(s.calls[0]).toHaveLength(MAX_EDITIONS_ASKED);
    expect(s.calls[0]?.[0]).toBe(9_999_999);
    // The next load of the burst asks for the next ones.
    await memo.source(ahead)([MAX_EDITIONS_ASKED + 5]);
    expect(s.calls[1]?.[0]).toBe(MAX_EDITIONS_ASKED + 5);
    expect(s.calls[1]).toHaveLength(MAX_EDITIONS_ASKED);
  });
});
