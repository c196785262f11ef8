import { describe, expect, it } from 'vitest';
import {
  BURST_MEMO_MS,
  createBurstEditions,
  MAX_BURST_ASK,
  type AskEditions,
  type BurstScope,
} from './burst-editions.ts';
import type { EditionTimes } from './summary-check.ts';

/** A fake skeletons/summary: every id exists (edited at `t{id}`) except those in `gone`. */
function catmaid(gone: number[] = []) {
  const calls: number[][] = [];
  const signals: AbortSignal[] = [];
  let failNext: Error | null = null;
  let held: (() => void)[] | null = null;
  const answer = (ids: readonly number[]): EditionTimes =>
    new Map(ids.filter((id) => !gone.includes(id)).map((id) => [id, `t${id}`]));
  const ask: AskEditions = (ids, signal) => {
    calls.push([...ids]);
    signals.push(signal);
    const failure = failNext;
    failNext = null;
    if (failure) return Promise.resolve(failure);
    const queue = held;
    if (!queue) return Promise.resolve(answer(ids));
    return new Promise((resolve) => queue.push(() => resolve(answer(ids))));
  };
  return {
    calls,
    signals,
    ask,
    failOnce: (e: Error) => {
      failNext = e;
    },
    /** Asks from now on wait for `release`. */
    hold: () => {
      held = [];
    },
    release: () => {
      for (const r of held ?? []) r();
      held = null;
    },
  };
}

const scope: BurstScope = { url: 'http://catmaid.test/', token: 'a', projectId: 1, burst: 'b1' };
const live = () => new AbortController().signal;
const times = (...ids: number[]) => new Map(ids.map((id) => [id, `t${id}`]));

describe('edition times per burst of display requests', () => {
  it('asks once for a burst: the first request asks for the others ahead, they find theirs', async () => {
    const c = catmaid();
    const memo = createBurstEditions(() => 0);
    const ahead = [1, 2, 3, 4, 5, 6];
    const first = await memo.editions(scope, [1, 2], ahead, c.ask, live());
    expect(first).toEqual({ editions: times(1, 2), asked: 6 });
    const [a, b] = await Promise.all([
      memo.editions(scope, [3, 4], ahead, c.ask, live()),
      memo.editions(scope, [5, 6], ahead, c.ask, live()),
    ]);
    expect(a).toEqual({ editions: times(3, 4), asked: 0 });
    expect(b).toEqual({ editions: times(5, 6), asked: 0 });
    expect(c.calls).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('waits for ids being asked, and asks only for the rest', async () => {
    const c = catmaid();
    const memo = createBurstEditions(() => 0);
    c.hold();
    const first = memo.editions(scope, [1], [2, 3], c.ask, live());
    const second = memo.editions(scope, [2, 3, 4], [], c.ask, live());
    c.release();
    expect(await first).toEqual({ editions: times(1), asked: 3 });
    expect(await second).toEqual({ editions: times(2, 3, 4), asked: 1 });
    expect(c.calls).toEqual([[1, 2, 3], [4]]);
  });

  it('never shares answers between bursts, users, servers or projects', async () => {
    const c = catmaid();
    const memo = createBurstEditions(() => 0);
    const others: BurstScope[] = [
      scope,
      { ...scope, burst: 'b2' },
      { ...scope, token: 'b' },
      { ...scope, token: undefined },
      { ...scope, url: 'http://other.test/' },
      { ...scope, projectId: 2 },
    ];
    for (const s of others) await memo.editions(s, [1], [], c.ask, live());
    expect(c.calls).toHaveLength(others.length);
    // …and each asked again finds its own.
    for (const s of others) expect((await memo.editions(s, [1], [], c.ask, live())).asked).toBe(0);
    expect(c.calls).toHaveLength(others.length);
  });

  it('asks again once an answer is BURST_MEMO_MS old', async () => {
    const c = catmaid();
    let t = 0;
    const memo = createBurstEditions(() => t);
    await memo.editions(scope, [1], [], c.ask, live());
    t += BURST_MEMO_MS - 1;
    expect((await memo.editions(scope, [1], [], c.ask, live())).asked).toBe(0);
    t += 1;
    expect((await memo.editions(scope, [1], [], c.ask, live())).asked).toBe(1);
    expect(c.calls).toEqual([[1], [1]]);
  });

  it('forgets a failed ask: its requests get the error, the next request asks again', async () => {
    const c = catmaid();
    const memo = createBurstEditions(() => 0);
    const failure = new Error('summary answered 500');
    c.failOnce(failure);
    c.hold();
    const first = memo.editions(scope, [1], [2], c.ask, live());
    const waiting = memo.editions(scope, [2], [], c.ask, live());
    c.release();
    expect((await first).editions).toBe(failure);
    expect((await waiting).editions).toBe(failure);
    expect(await memo.editions(scope, [2], [], c.ask, live())).toEqual({
      editions: times(2),
      asked: 1,
    });
    // A rejected ask too (fetchEditionTimes never rejects, but an ask might).
    const throwing: AskEditions = () => Promise.reject(new Error('boom'));
    const thrown = await memo.editions(scope, [9], [], throwing, live());
    expect(thrown.editions).toEqual(new Error('boom'));
    expect((await memo.editions(scope, [9], [], c.ask, live())).editions).toEqual(times(9));
    expect(c.calls).toEqual([[1, 2], [2], [9]]);
  });

  it('leaves out ids absent from the answer (gone), for the asker and the others', async () => {
    const c = catmaid([2, 5]);
    const memo = createBurstEditions(() => 0);
    const first = await memo.editions(scope, [1, 2], [5, 6], c.ask, live());
    expect(first.editions).toEqual(times(1));
    const later = await memo.editions(scope, [5, 6], [], c.ask, live());
    expect(later).toEqual({ editions: times(6), asked: 0 });
  });

  it('asks for at most MAX_BURST_ASK at once, the request’s own first and all of them', async () => {
    const c = catmaid();
    const memo = createBurstEditions(() => 0);
    const ahead = Array.from({ length: 3 * MAX_BURST_ASK }, (_, i) => i + 1);
    await memo.editions(scope, [9_999_999, 9_999_998], ahead, c.ask, live());
    expect(c.calls[0]).toHaveLength(MAX_BURST_ASK);
    expect(c.calls[0]?.slice(0, 3)).toEqual([9_999_999, 9_999_998, 1]);
    // The next request of the burst asks for the next ones.
    await memo.editions(scope, [MAX_BURST_ASK + 5], ahead, c.ask, live());
    expect(c.calls[1]?.[0]).toBe(MAX_BURST_ASK + 5);
    expect(c.calls[1]?.[1]).toBe(MAX_BURST_ASK - 1);
    expect(c.calls[1]).toHaveLength(MAX_BURST_ASK);
    // A request of more than that asks for all its own, as one summary did before bursts.
    const many = ahead.map((id) => id + 10_000_000);
    await memo.editions({ ...scope, burst: 'big' }, many, [], c.ask, live());
    expect(c.calls[2]).toEqual(many);
  });

  it('a request whose browser left stops waiting; the ask goes on for the others', async () => {
    const c = catmaid();
    const memo = createBurstEditions(() => 0);
    c.hold();
    const leaving = new AbortController();
    const gone = memo.editions(scope, [1], [2], c.ask, leaving.signal);
    const staying = memo.editions(scope, [2], [], c.ask, live());
    leaving.abort(new Error('the browser left'));
    expect((await gone).editions).toEqual(new Error('the browser left'));
    expect(c.signals[0]?.aborted).toBe(false);
    c.release();
    expect(await staying).toEqual({ editions: times(2), asked: 0 });
    expect(c.calls).toEqual([[1, 2]]);
  });

  it('holds a bounded number of bursts and ids, the least recently asked forgotten first', async () => {
    const c = catmaid();
    const memo = createBurstEditions(() => 0, { bursts: 2, ids: 5 });
    const burst = (id: string) => ({ ...scope, burst: id });
    await memo.editions(burst('a'), [1], [], c.ask, live());
    await memo.editions(burst('b'), [1], [], c.ask, live());
    await memo.editions(burst('c'), [1], [], c.ask, live()); // 'a' forgotten
    expect((await memo.editions(burst('b'), [1], [], c.ask, live())).asked).toBe(0);
    expect((await memo.editions(burst('a'), [1], [], c.ask, live())).asked).toBe(1); // 'b' forgotten
    expect((await memo.editions(burst('c'), [1], [], c.ask, live())).asked).toBe(0);
    // 'c' and 'a' hold 1 id each; 'a' asking 4 more would make 6: 'c' is forgotten.
    await memo.editions(burst('a'), [2, 3, 4, 5], [], c.ask, live());
    expect((await memo.editions(burst('c'), [1], [], c.ask, live())).asked).toBe(1);
    expect(c.calls).toHaveLength(6);
  });
});
