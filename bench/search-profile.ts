/**
 * `npx tsx bench/search-profile.ts`: what runs in the search view's long main-thread tasks. The
 * search bench's phases (load 50,000 results, summaries arriving, a fast scroll, typing in the
 * annotation autocomplete) under a Chromium trace plus the V8 sampling profiler; for each task
 * over BENCH_TASK_MS (30) of wall or CPU time it prints the functions that took its time (self
 * time, and the app functions on the stack). Build without minifying for readable names:
 * `npx vite build --minify false --outDir dist-profile` and DIST_DIR=dist-profile.
 * Env: BENCH_FRAGMENTS (50000), BENCH_SEARCH_PORT (4512), BENCH_TASK_MS, BENCH_CPU_ONLY=1, DIST_DIR,
 * CHROMIUM_PATH.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { launchChromium } from './chromium.ts';
import { loadAndScroll } from './search-phases.ts';
import { startApp } from './serve-app.ts';
import { TASK_CATEGORIES, type TraceEvent } from './trace-tasks.ts';

const fragments = Number(process.env.BENCH_FRAGMENTS ?? 50_000);
const port = Number(process.env.BENCH_SEARCH_PORT ?? 4512);
const threshold = Number(process.env.BENCH_TASK_MS ?? 30) * 1000;
/** Only tasks whose CPU time is over the threshold (wall time on a busy machine misleads). */
const cpuOnly = process.env.BENCH_CPU_ONLY === '1';
const base = `http://127.0.0.1:${port}`;

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const frameName = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;

function explain(profile: Profile, from: number, to: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes)
    for (const c of n.children ?? []) {
      const child = byId.get(c);
      if (child) child.parent = n.id;
    }
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let node = byId.get(profile.samples[i] ?? -1);
    if (!node) continue;
    self.set(frameName(node), (self.get(frameName(node)) ?? 0) + dt);
    const seen = new Set<string>();
    while (node) {
      const name = frameName(node);
      if (node.callFrame.url.includes('/assets/') && !seen.has(name)) {
        seen.add(name);
        incl.set(name, (incl.get(name) ?? 0) + dt);
      }
      node = node.parent === undefined ? undefined : byId.get(node.parent);
    }
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([n, ms]) => `      ${ms.toFixed(1).padStart(6)} ms  ${n}`)
      .join('\n');
  return `    self:\n${top(self, 10)}\n    app frames on the stack:\n${top(incl, 14)}`;
}

async function phases(page: Page) {
  await loadAndScroll(page, base);
  await page.getByRole('button', { name: 'Add annotation row' }).click();
  await page.getByRole('combobox', { name: 'Annotation 1', exact: true }).click();
  await page.evaluate(() => performance.mark('search-typing'));
  await page.keyboard.type('batch 0123', { delay: 30 });
  await page.evaluate(() => performance.mark('search-typed'));
}

async function main() {
  if (!existsSync(`${process.env.DIST_DIR || 'dist'}/index.html`))
    throw new Error('no build: run `npx vite build` first');
  process.env.DEMO_FRAGMENTS = String(fragments);
  const app = await startApp(spawn, port, 1);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { categories: TASK_CATEGORIES });
    await phases(page);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: TraceEvent[];
    };
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const events = trace.traceEvents;
    const marked = new Set(events.filter((e) => e.name === 'search-loaded').map((e) => e.pid));
    const main = events.find(
      (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && marked.has(e.pid),
    );
    if (!main) throw new Error('no renderer main thread in the trace');
    const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
    const mark = (name: string) => events.find((e) => e.name === name && onMain(e))?.ts ?? 0;
    const bounds: [string, number][] = [
      ['loading', mark('search-loaded')],
      ['summaries arriving', mark('search-scroll')],
      ['scrolling', mark('search-scrolled')],
      ['(form)', mark('search-typing')],
      ['typing', mark('search-typed')],
    ];
    const phaseOf = (ts: number) => bounds.find(([, end]) => ts <= end)?.[0] ?? 'after';
    const ms = (us: number | undefined) => ((us ?? 0) / 1000).toFixed(1);
    const long = events.filter(
      (e) =>
        onMain(e) &&
        e.name === 'RunTask' &&
        e.ph === 'X' &&
        ((!cpuOnly && (e.dur ?? 0) > threshold) || (e.tdur ?? 0) > threshold),
    );
    console.log(`${long.length} tasks over ${threshold / 1000} ms (wall or CPU)`);
    for (const task of long) {
      console.log(
        `\n  [${phaseOf(task.ts)}] task at ${ms(task.ts - (events.find(onMain)?.ts ?? 0))} ms: wall ${ms(task.dur)} ms, cpu ${ms(task.tdur)} ms`,
      );
      console.log(explain(profile, task.ts, task.ts + (task.dur ?? 0)));
    }
  } finally {
    await browser.close();
    app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
