import { shiftIsoDay } from '../../lib/http/timestamps.ts';
import { isoDate } from '../../lib/format.ts';

export interface DateRange {
  start: string;
  end: string;
}

function todayIso(): string {
  return isoDate(new Date());
}

/** The last `days` days, ending today (UTC). */
export function lastDays(days: number): DateRange {
  const end = todayIso();
  return { start: shiftIsoDay(end, -(days - 1)), end };
}

/** A readable problem with a typed range, or null when it is valid. */
export function rangeProblem(start: string, end: string): string | null {
  for (const [label, v] of [
    ['start', start],
    ['end', end],
  ] as const) {
    try {
      shiftIsoDay(v.trim(), 0);
    } catch {
      return `The ${label} date "${v}" is not a valid date: use YYYY-MM-DD, e.g. 2025-05-01.`;
    }
  }
  if (start.trim() > end.trim()) return `The start date ${start} is after the end date ${end}.`;
  return null;
}
