/**
 * Main-thread tasks of a page from a Chromium trace, with their wall and CPU (thread) time. On a
 * shared machine a task of 10 ms of CPU can take 100+ ms of wall time while the page waits for a
 * core: the CPU time says what the page itself costs, the wall time what a user would feel there.
 */
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export const TASK_CATEGORIES = [
  'toplevel',
  'blink.user_timing',
  'disabled-by-default-devtools.timeline',
  '__metadata',
];

export function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  return browser.startTracing(page, { categories: TASK_CATEGORIES });
}

/**
 * The longest main-thread task (wall and CPU ms) of the renderer that set performance mark
 * `endMark`, from the start of the trace to that mark.
 */
export async function longestTraceTask(
  browser: Browser,
  endMark: string,
): Promise<{ wallMs: number; cpuMs: number; over50CpuMs: number }> {
  const events = (
    JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
  ).traceEvents;
  const marks = events.filter((e) => e.name === endMark);
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      marks.some((m) => m.pid === e.pid),
  );
  if (!main) return { wallMs: NaN, cpuMs: NaN, over50CpuMs: NaN };
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  const end = marks.find(onMain)?.ts ?? Infinity;
  const tasks = events.filter(
    (e) => onMain(e) && e.name === 'RunTask' && e.ph === 'X' && e.ts <= end,
  );
  const ms = (us: number | undefined) => Math.round((us ?? 0) / 1000);
  return {
    wallMs: ms(Math.max(0, ...tasks.map((t) => t.dur ?? 0))),
    cpuMs: ms(Math.max(0, ...tasks.map((t) => t.tdur ?? 0))),
    over50CpuMs: tasks.filter((t) => (t.tdur ?? 0) > 50_000).length,
  };
}
