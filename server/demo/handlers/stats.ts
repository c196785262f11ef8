/** Project statistics (catmaid-api.md §6.1, §6.2). */
import { CatmaidError } from '../http/errors.ts';
import type { ProjectCtx } from '../http/types.ts';
import { DAY, dayFormatted, dayKey } from '../time-format.ts';
import { activity } from './activity.ts';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** dateutil-like parsing of YYYY-MM-DD / YYYYMMDD into epoch days, with dateutil's messages. */
function parseDate(value: string): number {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value.trim());
  if (!m) throw new CatmaidError(400, 'ParserError', `Unknown string format: ${value}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12)
    throw new CatmaidError(400, 'ParserError', `month must be in 1..12: ${value}`);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = mo === 2 && !leap ? 28 : (DAYS_IN_MONTH[mo - 1] ?? 31);
  if (d < 1 || d > max)
    throw new CatmaidError(400, 'ParserError', `day is out of range for month: ${value}`);
  return Date.UTC(y, mo - 1, d) / 1000 / DAY;
}

function range(ctx: ProjectCtx, defaultDays: number): [number, number] {
  const today = Math.floor(Date.now() / 1000 / DAY);
  const start = ctx.params.get('start_date');
  const end = ctx.params.get('end_date');
  return [start ? parseDate(start) : today - defaultDays, end ? parseDate(end) : today + 1];
}

export function userHistory(ctx: ProjectCtx): unknown {
  const [d0, d1] = range(ctx, 10);
  const act = activity(ctx.project);
  const days: string[] = [];
  const formatted: string[] = [];
  for (let d = d0; d <= d1; d++) {
    days.push(dayKey(d * DAY));
    formatted.push(dayFormatted(d * DAY));
  }
  const table: Record<string, Record<string, unknown>> = {};
  for (const user of ctx.store.users) {
    const row: Record<string, unknown> = {};
    const byDay = act.get(user.id);
    for (let d = d0; d <= d1; d++) {
      const s = byDay?.get(d);
      row[dayKey(d * DAY)] = s
        ? {
            new_treenodes: s.nodes,
            new_cable_length: Math.round(s.cable),
            new_connectors: s.links,
            new_reviewed_nodes: s.reviews,
          }
        : {};
    }
    table[user.id] = row;
  }
  return { stats_table: table, days, daysformatted: formatted };
}

export function history(ctx: ProjectCtx): unknown {
  const [d0, d1] = range(ctx, 30);
  const p = ctx.project;
  const a = p.a;
  const counts = new Map<string, number>();
  for (let i = 0; i < p.nNodes; i++) {
    const d = Math.floor((a.edited[i] ?? 0) / DAY);
    if (d < d0 || d > d1) continue;
    const key = `${a.editor[i]} ${d}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => {
      const [user, d] = key.split(' ').map(Number);
      return { user: user ?? 0, d: d ?? 0, count };
    })
    .sort((x, y) => x.user - y.user || x.d - y.d)
    .map((e) => ({ name: p.login(e.user), date: dayKey(e.d * DAY), count: e.count }));
}

export function nodeCount(ctx: ProjectCtx): unknown {
  const counts: Record<string, number> = {};
  const a = ctx.project.a;
  for (let i = 0; i < ctx.project.nNodes; i++)
    counts[a.creator[i] ?? 0] = (counts[a.creator[i] ?? 0] ?? 0) + 1;
  return counts;
}

export function cableLength(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const n = ctx.params.int('n_skeletons') ?? 0;
  const pattern = ctx.params.get('name_pattern');
  let test: (name: string) => boolean = () => true;
  if (pattern?.startsWith('/')) {
    const re = new RegExp(pattern.slice(1), 'i');
    test = (name) => re.test(name);
  } else if (pattern) test = (name) => name.toLowerCase().includes(pattern.toLowerCase());
  const rows = p.meta.neurons.flatMap((neuron, s) =>
    test(neuron.name) ? [[neuron.skeletonId, p.cable[s] ?? 0] as [number, number]] : [],
  );
  rows.sort((x, y) => y[1] - x[1]);
  return n > 0 ? rows.slice(0, n) : rows;
}

export function aggregates(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const out: Record<string, number> = {};
  if (ctx.params.bool('with_cable_length', true))
    out.cable_length_total = p.cable.reduce((x, y) => x + y, 0);
  if (ctx.params.bool('with_node_count', true)) {
    out.n_treenodes = p.nNodes;
    out.n_connectors = p.nConn;
  }
  if (ctx.params.bool('with_skeletons', true)) {
    out.n_skeletons = p.nSkel;
    out.n_skeletons_non_zero_length = p.cable.filter((c) => c > 0).length;
  }
  return out;
}

/** Today's counts for the requesting (anonymous) user: always zero on a read-only server. */
export const summary = (): unknown => ({
  treenodes_created: 0,
  connectors_created: 0,
  skeletons_created: 0,
});
