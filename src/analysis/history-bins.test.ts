import { describe, expect, it } from 'vitest';
import { binHistory, binOf } from './history-bins.ts';

const e = (userId: number, day: string, newNodes: number, newCable = 0) => ({
  userId,
  day,
  newNodes,
  newCable,
  newLinks: 1,
  reviewedNodes: 0,
});

describe('binHistory', () => {
  it('labels ISO weeks by their Monday and months by YYYY-MM', () => {
    expect(binOf('2025-05-04', 'week')).toBe('2025-04-28'); // a Sunday
    expect(binOf('2025-05-05', 'week')).toBe('2025-05-05'); // a Monday
    expect(binOf('2025-05-31', 'month')).toBe('2025-05');
  });

  it('sums users per bin, cable in µm, with totals', () => {
    const days = ['2025-05-03', '2025-05-04', '2025-05-05', '2025-05-06'];
    const h = binHistory(
      days,
      [e(7, '2025-05-03', 10, 1500), e(7, '2025-05-05', 5), e(3, '2025-05-06', 2)],
      'week',
    );
    expect(h.bins).toEqual(['2025-04-28', '2025-05-05']);
    expect(h.userIds).toEqual([3, 7]);
    expect(h.values.newNodes).toEqual([
      [0, 2],
      [10, 5],
    ]);
    expect(h.values.newCable[1]).toEqual([1.5, 0]);
    expect(h.totals.newLinks).toEqual([1, 2]);
    expect(binHistory(days, [], 'day').bins).toEqual(days);
  });
});
