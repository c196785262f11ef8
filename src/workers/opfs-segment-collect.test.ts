import { describe, expect, it } from 'vitest';
import { collectDeadSegments, type ListableDirectory } from './opfs-segment-collect.ts';
import { segmentBornAt } from './opfs-skeleton-cache.ts';

const MIN = 60_000;
const name = (bornAt: number, id: string) => `${bornAt.toString(36)}-${id}.skels`;

function directory(names: string[], busy: string[] = []) {
  const files = new Set(names);
  const dir: ListableDirectory = {
    async *keys() {
      for (const n of [...files]) yield await Promise.resolve(n);
    },
    removeEntry(n) {
      if (busy.includes(n)) {
        return Promise.reject(new DOMException(n, 'NoModificationAllowedError'));
      }
      files.delete(n);
      return Promise.resolve();
    },
  };
  return { dir, files };
}

const ref = (segment: string) => ({ segment, offset: 0, length: 10 });

describe('reclaiming dead OPFS segments', () => {
  it('removes old segments nothing points to, keeps live, young and foreign ones', async () => {
    const now = 1_800_000_000_000;
    const live = name(now - 60 * MIN, 'live');
    const dead = name(now - 60 * MIN, 'dead');
    const young = name(now - MIN, 'young'); // the other worker may not have indexed it yet
    const { dir, files } = directory([live, dead, young, 'notes.txt', 'x.skels']);
    const removed = await collectDeadSegments(dir, [ref(live), new ArrayBuffer(4), null], now);
    expect(removed).toBe(1);
    expect([...files].sort()).toEqual([live, young, 'notes.txt', 'x.skels'].sort());
  });

  it('leaves a segment another worker is reading for the next round', async () => {
    const now = 1_800_000_000_000;
    const dead = name(now - 60 * MIN, 'dead');
    const { dir, files } = directory([dead], [dead]);
    expect(await collectDeadSegments(dir, [], now)).toBe(0);
    expect(files.has(dead)).toBe(true);
  });

  it('reads the time a segment was made from its name', () => {
    expect(segmentBornAt(name(1_800_000_000_000, 'abc'))).toBe(1_800_000_000_000);
    expect(segmentBornAt('s0.skels')).toBeNull();
    expect(segmentBornAt(`${(5).toString(36)}-a.txt`)).toBeNull();
  });
});
