/** Long-format CSV of binned user history: one line per bin and user with any activity. */
import { toCsv } from '../lib/csv.ts';
import type { BinnedHistory } from './history-bins.ts';
import { roundTo } from '../lib/format.ts';

export function historyCsv(h: BinnedHistory, userName: (id: number) => string): string {
  const rows: (string | number)[][] = [
    [
      'period',
      'user_id',
      'user',
      'new_cable_um',
      'new_nodes',
      'new_synaptic_links',
      'reviewed_nodes',
    ],
  ];
  h.bins.forEach((bin, b) => {
    h.userIds.forEach((u, i) => {
      const v = (m: keyof BinnedHistory['values']) => h.values[m][i]?.[b] ?? 0;
      const line = [v('newCable'), v('newNodes'), v('newLinks'), v('reviewedNodes')];
      if (line.some((x) => x !== 0))
        rows.push([bin, u, userName(u), roundTo(line[0] ?? 0, 3), ...line.slice(1)]);
    });
  });
  return toCsv(rows);
}
