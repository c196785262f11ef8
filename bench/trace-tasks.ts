/**
 * Main-thread tasks of a page from a Chromium trace, with their wall and CPU (thread) time. On a
 * shared machine a task of 10 ms of CPU can take 100+ ms of wall time while the page waits for a
 * core: the CPU time says what the page itself costs, the wall time what a user would feel there.
 */
import type { Browser, Page } from '@playwright/test';

/** One Chromium trace event (the fields the benches read). */
export interface TraceEvent {
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
  // v8.evaluateModule: which task evaluated the app's modules (its start).
  'devtools.timeline',
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
export interface TraceTasks {
  wallMs: number;
  cpuMs: number;
  over50CpuMs: number;
  /** The task that evaluated the app's entry modules (the page's start, before any view). */
  start: { wallMs: number; cpuMs: number };
  /** The longest task other than that one. */
  afterStart: { wallMs: number; cpuMs: number };
}

export async function longestTraceTask(browser: Browser, endMark: string): Promise<TraceTasks> {
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
  const none = { wallMs: NaN, cpuMs: NaN };
  if (!main) return { ...none, over50CpuMs: NaN, start: none, afterStart: none };
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  const end = marks.find(onMain)?.ts ?? Infinity;
  const tasks = events.filter(
    (e) => onMain(e) && e.name === 'RunTask' && e.ph === 'X' && e.ts <= end,
  );
  const ms = (us: number | undefined) => Math.round((us ?? 0) / 1000);
  const longest = (list: TraceEvent[]) => ({
    wallMs: ms(Math.max(0, ...list.map((t) => t.dur ?? 0))),
    cpuMs: ms(Math.max(0, ...list.map((t) => t.tdur ?? 0))),
  });
  const firstEvaluation = events.find((e) => onMain(e) && e.name === 'v8.evaluateModule');
  const startTask = firstEvaluation
    ? tasks.find((t) => t.ts <= firstEvaluation.ts && firstEvaluation.ts < t.ts + (t.dur ?? 0))
    : undefined;
  return {
    ...longest(tasks),
    over50CpuMs: tasks.filter((t) => (t.tdur ?? 0) > 50_000).length,
    start: startTask ? longest([startTask]) : none,
    afterStart: longest(tasks.filter((t) => t !== startTask)),
  };
}
