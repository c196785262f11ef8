/**
 * GET /{pid}/stats/user-history (API ref §6.1): per user and day — new nodes, new cable (nm),
 * new synaptic links, reviewed nodes. Long ranges time out on real servers, so the range is
 * split into windows of at most 180 days (as pymaid does) and merged.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { shiftIsoDay } from '../lib/http/timestamps.ts';
import { defineBatchEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

const USER_HISTORY_MAX_DAYS = 180;

export interface UserDayStats {
  userId: number;
  /** `YYYY-MM-DD`. */
  day: string;
  newNodes: number;
  /** nm. */
  newCable: number;
  newLinks: number;
  reviewedNodes: number;
}

export interface UserHistory {
  /** Every day of the range, `YYYY-MM-DD`, ascending. */
  days: string[];
  /** Only user-days with any activity. */
  entries: UserDayStats[];
}

const dayStats = z.object({
  new_treenodes: z.number().optional(),
  new_cable_length: z.number().optional(),
  new_connectors: z.number().optional(),
  new_reviewed_nodes: z.number().optional(),
});

const userHistorySchema = z.object({
  stats_table: z.record(z.string(), z.record(z.string(), dayStats)),
  days: z.array(z.string()),
});

function isoDay(key: string): string {
  return /^\d{8}$/.test(key) ? `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6)}` : key;
}

function decodeUserHistory(wire: z.infer<typeof userHistorySchema>): UserHistory {
  const entries: UserDayStats[] = [];
  for (const [user, days] of Object.entries(wire.stats_table)) {
    for (const [day, s] of Object.entries(days)) {
      const e: UserDayStats = {
        userId: Number(user),
        day: isoDay(day),
        newNodes: s.new_treenodes ?? 0,
        newCable: s.new_cable_length ?? 0,
        newLinks: s.new_connectors ?? 0,
        reviewedNodes: s.new_reviewed_nodes ?? 0,
      };
      if (e.newNodes || e.newCable || e.newLinks || e.reviewedNodes) entries.push(e);
    }
  }
  return { days: wire.days.map(isoDay), entries };
}

/** Inclusive `[start, end]` windows of at most `maxDays` days; throws RangeError on bad dates. */
export function splitDateRange(
  start: string,
  end: string,
  maxDays = USER_HISTORY_MAX_DAYS,
): [string, string][] {
  shiftIsoDay(start, 0);
  shiftIsoDay(end, 0);
  if (start > end) throw new RangeError(`the start date ${start} is after the end date ${end}`);
  const out: [string, string][] = [];
  for (let from = start; from <= end; from = shiftIsoDay(from, maxDays)) {
    const last = shiftIsoDay(from, maxDays - 1);
    out.push([from, last < end ? last : end]);
  }
  return out;
}

/** Date windows are the "ids" here: one request per window of at most 180 days, two at a time. */
const userHistoryEndpoint = defineBatchEndpoint({
  route: ROUTES.userHistory,
  schema: userHistorySchema,
  encode: ({ ids, extra: timeZone }: { ids: [string, string][]; extra: string }) => {
    const [from, to] = ids[0] ?? ['', ''];
    return { data: { start_date: from, end_date: to, time_zone: timeZone } };
  },
  decode: (wire) => decodeUserHistory(wire),
  batch: { chunkSize: 1, concurrency: 2 },
  merge: (parts, windows): UserHistory => {
    // Windows don't overlap; keep only days inside the asked range (the server may pad).
    const start = windows[0]?.[0] ?? '';
    const end = windows.at(-1)?.[1] ?? '';
    const inRange = (d: string) => d >= start && d <= end;
    return {
      days: [...new Set(parts.flatMap((p) => p.days))].filter(inRange).sort(),
      entries: parts.flatMap((p) => p.entries).filter((e) => inRange(e.day)),
    };
  },
});

export async function fetchUserHistory(
  scope: ProjectScope,
  start: string,
  end: string,
  { signal, timeZone = 'UTC' }: CallOptions & { timeZone?: string } = {},
): Promise<UserHistory> {
  return userHistoryEndpoint.fetchAll(scope, splitDateRange(start, end), {
    signal,
    extra: timeZone,
  });
}

export function userHistoryQuery(scope: ProjectScope, start: string, end: string) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'stats', 'user-history', { start, end }] as const,
    queryFn: ({ signal }) => fetchUserHistory(scope, start, end, { signal }),
  });
}
