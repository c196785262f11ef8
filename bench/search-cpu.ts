/**
 * `npx tsx bench/search-cpu.ts`: the search bench's phases (load 50,000 results, summaries
 * arriving, a fast scroll) under a Chromium trace, reporting the longest main-thread tasks by
 * wall time AND by the thread's CPU time. On a shared machine a task of 10 ms of CPU can take
 * 100+ ms of wall time while the browser waits for a core: the CPU time says what the page itself
 * costs. Env: BENCH_FRAGMENTS (50000), BENCH_SEARCH_PORT (4511), DIST_DIR, CHROMIUM_PATH.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launchChromium } from './chromium.ts';
import { loadAndScroll } from './search-phases.ts';
import { startApp } from './serve-app.ts';
import type { TraceEvent } from './trace-tasks.ts';

const fragments = Number(process.env.BENCH_FRAGMENTS ?? 50_000);
const port = Number(process.env.BENCH_SEARCH_PORT ?? 4511);
const base = `http://127.0.0.1:${port}`;

function report(events: TraceEvent[]) {
  const marked = new Set(events.filter((e) => e.name === 'search-loaded').map((e) => e.pid));
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && marked.has(e.pid),
  );
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  const mark = (name: string) => events.find((e) => e.name === name && onMain(e))?.ts ?? Infinity;
  const tasks = events.filter((e) => onMain(e) && e.name === 'RunTask' && e.ph === 'X');
  if (tasks.length === 0) throw new Error('no RunTask events in the trace');
  const phase = (label: string, from: number, to: number) => {
    const inPhase = tasks.filter((t) => t.ts >= from && t.ts <= to);
    const ms = (us: number | undefined) => Math.round((us ?? 0) / 1000);
    const top = (key: 'dur' | 'tdur') =>
      [...inPhase]
        .sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0))
        .slice(0, 3)
        .map((t) => `${ms(t.dur)}/${ms(t.tdur)}`)
        .join(', ');
    console.log(
      `  ${label}: ${inPhase.length} tasks; longest by wall (wall/cpu ms) ${top('dur')}; longest by cpu ${top('tdur')}; over 50 ms of cpu: ${inPhase.filter((t) => (t.tdur ?? 0) > 50_000).length}`,
    );
  };
  phase('loading (from navigation)', 0, mark('search-loaded'));
  phase('summaries arriving', mark('search-loaded'), mark('search-scroll'));
  phase('scrolling', mark('search-scroll'), mark('search-scrolled'));
}

async function main() {
  if (!existsSync(`${process.env.DIST_DIR || 'dist'}/index.html`))
    throw new Error('no build: run `npm run build` first');
  process.env.DEMO_FRAGMENTS = String(fragments);
  const app = await startApp(spawn, port, 1);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await browser.startTracing(page, {
      // RunTask events (with their thread time) come with the timeline category.
      categories: [
        'toplevel',
        'blink.user_timing',
        'disabled-by-default-devtools.timeline',
        '__metadata',
      ],
    });
    await loadAndScroll(page, base);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: TraceEvent[];
    };
    console.log(`search CPU bench: demo scale 1 + ${fragments.toLocaleString()} fragments`);
    report(trace.traceEvents);
  } finally {
    await browser.close();
    app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
