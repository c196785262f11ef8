import { describe, expect, it } from 'vitest';
import { binHistory } from './history-bins.ts';
import { historyCsv, historyTotalsCsv } from './history-csv.ts';

const day = (userId: number, d: string, newNodes: number, newCable: number, reviewed = 0) => ({
  userId,
  day: d,
  newNodes,
  newCable,
  newLinks: 1,
  reviewedNodes: reviewed,
});

// Two users over three months; May has no activity at all. Cable arrives in nm.
const h = binHistory(
  ['2025-04-10', '2025-05-10', '2025-06-10'],
  [
    day(7, '2025-04-10', 10, 1234.56789),
    day(3, '2025-04-10', 2, 1000, 4),
    day(3, '2025-06-10', 5, 0),
  ],
  'month',
);
const names = new Map([
  [3, 'ana'],
  [7, 'bo, "the tracer"'],
]);

describe('historyCsv', () => {
  it('writes one line per bin and active user, cable in µm to 3 decimals, names quoted', () => {
    expect(historyCsv(h, (id) => names.get(id) ?? '').split('\r\n')).toEqual([
      'period,user_id,user,new_cable_um,new_nodes,new_synaptic_links,reviewed_nodes',
      '2025-04,3,ana,1,2,1,4',
      '2025-04,7,"bo, ""the tracer""",1.235,10,1,0',
      '2025-06,3,ana,0,5,1,0',
      '',
    ]);
  });
});

describe('historyTotalsCsv', () => {
  it('sums all users per bin, empty bins included', () => {
    expect(historyTotalsCsv(h).split('\r\n')).toEqual([
      'month,new_nodes,new_cable_um,new_synaptic_links,reviewed_nodes',
      '2025-04,12,2.235,2,4',
      '2025-05,0,0,0,0',
      '2025-06,5,0,1,0',
      '',
    ]);
  });
});
