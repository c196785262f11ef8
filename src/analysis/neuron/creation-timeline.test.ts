import { describe, expect, it } from 'vitest';
import { creationByUser } from './creation-timeline.ts';
import { version } from './test-trees.ts';

const DAY = 86_400_000;

describe('creationByUser', () => {
  it('accumulates per user and day, counting deleted nodes once by their first version', () => {
    const series = creationByUser([
      version(1, null, DAY + 5, Infinity, { userId: 3 }),
      version(2, 1, DAY + 9, Infinity, { userId: 3 }),
      { ...version(3, 2, DAY * 5, Infinity, { userId: 4 }), createdAt: DAY * 3 },
      version(3, 2, DAY * 3, DAY * 5, { userId: 4 }),
      version(4, 2, DAY * 4, DAY * 6, { userId: 3 }), // deleted later
    ]);
    expect(series).toEqual([
      { userId: 3, days: [DAY, DAY * 4], cumulative: [2, 3], total: 3 },
      { userId: 4, days: [DAY * 3], cumulative: [1], total: 1 },
    ]);
  });
});
