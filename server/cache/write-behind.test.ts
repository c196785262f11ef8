import { describe, expect, it } from 'vitest';
import { QUIET_MS, WriteBehind, writeBehindBytes } from './write-behind.ts';

const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
};

/** A queue, and a write that records its name when it runs. */
function setup(maxBytes = 1000) {
  const w = new WriteBehind(maxBytes);
  const ran: string[] = [];
  const write =
    (name: string, fail = false) =>
    () => {
      ran.push(name);
      return fail ? Promise.reject(new Error(`${name} failed`)) : Promise.resolve();
    };
  return { w, ran, write };
}

describe('WriteBehind', () => {
  it('writes at once when no answer is being produced', async () => {
    const { w, ran, write } = setup();
    await w.defer(['a'], 10, write('a'));
    expect(ran).toEqual(['a']);
  });

  it('holds writes while answers are produced, and runs them in order once the last ends', async () => {
    const { w, ran, write } = setup();
    const one = w.answering();
    const two = w.answering();
    const done = Promise.all([w.defer(['a'], 10, write('a')), w.defer(['b'], 10, write('b'))]);
    await turns();
    expect(ran).toEqual([]);
    expect(w.heldBytes).toBe(20);
    one();
    one(); // ending twice counts once
    await turns();
    expect(ran, 'one answer still in progress').toEqual([]);
    two();
    await done;
    expect(ran).toEqual(['a', 'b']);
    expect(w.heldBytes).toBe(0);
  });

  it('discard drops the writes not started (their promises resolve); a running one ends', async () => {
    const { w, ran } = setup();
    let finish: () => void = () => undefined;
    const running = w.defer(['a'], 10, () => {
      ran.push('a');
      return new Promise<void>((r) => (finish = r));
    });
    const end = w.answering();
    const queued = [w.defer(['b'], 10, () => Promise.resolve(void ran.push('b')))];
    queued.push(w.defer(['c'], 20, () => Promise.resolve(void ran.push('c'))));
    expect(w.heldBytes).toBe(30);
    expect(w.discard()).toBe(2);
    expect(w.heldBytes).toBe(0);
    await Promise.all(queued);
    end();
    finish();
    await running;
    await w.flush();
    expect(ran).toEqual(['a']);
  });

  it('waits until no answer has ended for QUIET_MS (the gaps between one browser’s requests)', async () => {
    let clock = 0;
    const timers: [() => void, number][] = [];
    const w = new WriteBehind(1000, {
      now: () => clock,
      setTimeout: (cb, ms) => timers.push([cb, clock + ms]),
    });
    const ran: string[] = [];
    const end = w.answering();
    const done = w.defer(['a'], 10, () => {
      ran.push('a');
      return Promise.resolve();
    });
    clock = 100;
    end();
    await turns();
    expect(ran, 'just after the answer').toEqual([]);
    expect(timers.map(([, at]) => at)).toEqual([100 + QUIET_MS]);
    clock = 100 + QUIET_MS;
    timers[0]?.[0]();
    await done;
    expect(ran).toEqual(['a']);
  });

  it('runs the oldest writes while answering once they hold more than the bound', async () => {
    const { w, ran, write } = setup(25);
    const busy = w.answering();
    void w.defer(['a'], 10, write('a'));
    void w.defer(['b'], 10, write('b'));
    await turns();
    expect(ran).toEqual([]);
    void w.defer(['c'], 10, write('c'));
    await turns();
    // 30 bytes held > 25: the oldest ran, and what is left is within the bound.
    expect(ran).toEqual(['a']);
    expect(w.heldBytes).toBeLessThanOrEqual(25);
    busy();
    await w.flush();
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('runs a write for skeletons a request is about to wait for, while answering', async () => {
    const { w, ran, write } = setup();
    const busy = w.answering();
    void w.defer(['a1', 'a2'], 10, write('a'));
    const b = w.defer(['b1'], 10, write('b'));
    w.hurry(['x', 'b1']);
    await b;
    expect(ran).toEqual(['b']);
    busy();
    await w.flush();
    expect(ran).toEqual(['b', 'a']);
  });

  it('runs at once a write deferred while a request already waits for its keys', async () => {
    const { w, ran, write } = setup();
    const busy = w.answering();
    const stopWaiting = w.hurry(['k']);
    await w.defer(['k', 'l'], 10, write('k'));
    expect(ran).toEqual(['k']);
    stopWaiting();
    stopWaiting(); // ending twice counts once
    const later = w.defer(['k'], 10, write('later'));
    await turns();
    expect(ran, 'nobody waits for k any more').toEqual(['k']);
    busy();
    await later;
    expect(ran).toEqual(['k', 'later']);
  });

  it('a failed write rejects its own promise, and the next one still runs', async () => {
    const { w, ran, write } = setup();
    const busy = w.answering();
    const a = w.defer(['a'], 1, write('a', true));
    const b = w.defer(['b'], 1, write('b'));
    busy();
    await expect(a).rejects.toThrow('a failed');
    await b;
    expect(ran).toEqual(['a', 'b']);
  });

  it('flush runs everything even while an answer is in progress, also what is deferred meanwhile', async () => {
    const { w, ran, write } = setup();
    w.answering();
    void w.defer(['a'], 1, () => {
      void w.defer(['c'], 1, write('c'));
      return write('a')();
    });
    void w.defer(['b'], 1, write('b'));
    await w.flush();
    expect(ran).toEqual(['a', 'b', 'c']);
  });
});

describe('writeBehindBytes', () => {
  it('reads CACHE_WRITE_BEHIND_MB (default 512, 0 = off) and refuses nonsense', () => {
    expect(writeBehindBytes({})).toBe(512 * 1024 * 1024);
    expect(writeBehindBytes({ CACHE_WRITE_BEHIND_MB: '0' })).toBe(0);
    expect(writeBehindBytes({ CACHE_WRITE_BEHIND_MB: '1.5' })).toBe(1.5 * 1024 * 1024);
    expect(() => writeBehindBytes({ CACHE_WRITE_BEHIND_MB: '-1' })).toThrow(
      /CACHE_WRITE_BEHIND_MB/,
    );
    expect(() => writeBehindBytes({ CACHE_WRITE_BEHIND_MB: 'lots' })).toThrow(
      /CACHE_WRITE_BEHIND_MB/,
    );
  });
});
