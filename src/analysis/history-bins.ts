/**
 * Bins user-history days (YYYY-MM-DD) into days, ISO weeks (labelled by their Monday) or
 * calendar months, per user, for the contributions chart, table and CSV.
 */
import type { UserDayStats } from '../api/user-history.ts';
import { isoDate } from '../lib/format.ts';

export type Granularity = 'day' | 'week' | 'month';
export type HistoryMetric = 'newCable' | 'newNodes' | 'newLinks' | 'reviewedNodes';

export const HISTORY_METRICS: readonly { key: HistoryMetric; label: string; unit: string }[] = [
  { key: 'newCable', label: 'New cable', unit: 'µm' },
  { key: 'newNodes', label: 'New nodes', unit: 'nodes' },
  { key: 'newLinks', label: 'New synaptic links', unit: 'links' },
  { key: 'reviewedNodes', label: 'Reviewed nodes', unit: 'nodes' },
];

export interface BinnedHistory {
  bins: string[];
  userIds: number[];
  /** metric → user index → bin index → value (cable in µm). */
  values: Record<HistoryMetric, number[][]>;
  /** metric → user index → total over the range. */
  totals: Record<HistoryMetric, number[]>;
}

export function binOf(day: string, g: Granularity): string {
  if (g === 'day') return day;
  if (g === 'month') return day.slice(0, 7);
  const d = new Date(`${day}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  return isoDate(monday);
}

function metricValue(e: UserDayStats, m: HistoryMetric): number {
  return m === 'newCable' ? e.newCable / 1000 : e[m];
}

export function binHistory(
  days: readonly string[],
  entries: readonly UserDayStats[],
  g: Granularity,
): BinnedHistory {
  const bins = [...new Set(days.map((d) => binOf(d, g)))].sort();
  const binIndex = new Map(bins.map((b, i) => [b, i]));
  const userIds = [...new Set(entries.map((e) => e.userId))].sort((a, b) => a - b);
  const userIndex = new Map(userIds.map((u, i) => [u, i]));
  const grid = () => userIds.map(() => new Array<number>(bins.length).fill(0));
  const values = { newCable: grid(), newNodes: grid(), newLinks: grid(), reviewedNodes: grid() };
  for (const e of entries) {
    const b = binIndex.get(binOf(e.day, g));
    const u = userIndex.get(e.userId);
    if (b === undefined || u === undefined) continue;
    for (const { key } of HISTORY_METRICS) {
      const row = values[key][u];
      if (row) row[b] = (row[b] ?? 0) + metricValue(e, key);
    }
  }
  const sum = (rows: number[][]) => rows.map((r) => r.reduce((a, b) => a + b, 0));
  const totals = {
    newCable: sum(values.newCable),
    newNodes: sum(values.newNodes),
    newLinks: sum(values.newLinks),
    reviewedNodes: sum(values.reviewedNodes),
  };
  return { bins, userIds, values, totals };
}
