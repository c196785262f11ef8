/**
 * Node creation over time per user (who built this neuron, and when): for each user, the
 * cumulative number of the neuron's nodes they created, one step per day with creations.
 * Counts every node that ever existed on the neuron (deleted ones too: they were work), from the
 * first version of each node id.
 */
import type { NodeVersion } from '../../api/skeleton-history.ts';

export interface UserCreationSeries {
  userId: number;
  /** Day starts (epoch ms, UTC) and the cumulative count at the end of that day. */
  days: number[];
  cumulative: number[];
  total: number;
}

const DAY_MS = 86_400_000;

export function creationByUser(versions: readonly NodeVersion[]): UserCreationSeries[] {
  const first = new Map<number, { time: number; user: number }>();
  for (const v of versions) {
    if (v.ordering === 3) continue;
    const t = v.ordering === 1 && !Number.isNaN(v.createdAt) ? v.createdAt : v.validFrom;
    const seen = first.get(v.nodeId);
    // The creator is the user of the oldest version seen (live rows keep the creator).
    if (!seen || t < seen.time) first.set(v.nodeId, { time: t, user: v.userId });
  }
  const perUser = new Map<number, Map<number, number>>();
  for (const { time, user } of first.values()) {
    const day = Math.floor(time / DAY_MS) * DAY_MS;
    let days = perUser.get(user);
    if (!days) perUser.set(user, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return [...perUser]
    .map(([userId, days]) => {
      const sorted = [...days].sort((a, b) => a[0] - b[0]);
      let sum = 0;
      const cumulative = sorted.map(([, n]) => (sum += n));
      return { userId, days: sorted.map(([d]) => d), cumulative, total: sum };
    })
    .sort((a, b) => b.total - a.total || a.userId - b.userId);
}
