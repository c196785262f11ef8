/** CSV exports of binned user history (cable in µm, rounded to 3 decimals as the tables do). */
import { toCsv } from '../lib/csv.ts';
import { roundTo } from '../lib/format.ts';
import type { BinnedHistory, HistoryMetric } from './history-bins.ts';

/** Long format: one line per bin and user with any activity. */
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

/** One line per bin with all users summed (the project activity chart's data). */
export function historyTotalsCsv(h: BinnedHistory): string {
  const sum = (m: HistoryMetric, b: number) => h.values[m].reduce((t, row) => t + (row[b] ?? 0), 0);
  return toCsv([
    ['month', 'new_nodes', 'new_cable_um', 'new_synaptic_links', 'reviewed_nodes'],
    ...h.bins.map((bin, b) => [
      bin,
      sum('newNodes', b),
      roundTo(sum('newCable', b), 3),
      sum('newLinks', b),
      sum('reviewedNodes', b),
    ]),
  ]);
}
