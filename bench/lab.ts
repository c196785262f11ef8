/**
 * `npm run bench` (lab part): the 3D view at lab scale against the demo server's project 3
 * ("Demo lab": 1,000 neurons, 10.4 million nodes; DEMO_LAB=1), with and without the cost knob that
 * makes the demo server spend a real CATMAID's time per node (server/demo/cost.ts).
 *
 * For each cost (BENCH_LAB_COSTS, default "0,2.7" µs per node; DEMO_WORKERS 4) a demo server is
 * started as "the CATMAID server" and a dashboard server (built app + proxy) in front of it. For
 * each N (BENCH_LAB_N, default 100,1000), the same N skeletons (spread over the project) are:
 *  1. the data floor: fetched and decoded in Node straight from the demo server with the app's own
 *     requests (bench/floor.ts);
 *  2. cold: shown in a fresh browser profile (time to the first complete frame, to the first
 *     neurons drawn, longest main-thread task, JS heap, CPU seconds per process), then reloaded
 *     in the same browser (IndexedDB), reopened in a new tab, and reopened once more under a
 *     light trace (its longest main-thread task in wall and CPU time);
 *  3. lab-warm: shown again in a second fresh profile through the same dashboard server (what a
 *     colleague gets once the dashboard server has served these neurons);
 *  4. warmed at night: the server cache cleared, `npm run cache -- warm` for the same skeletons
 *     (timed), its answers stored, then a third fresh profile, the first to view them
 *     (server/cache/warm.ts).
 * Prints a summary table and writes bench-results/lab-<date>.json. Needs `npm run build`.
 * Env: BENCH_LAB_COSTS, BENCH_LAB_N (empty: skip), DEMO_WORKERS, BENCH_LAB_PORT (4520, and the
 * next one), CHROMIUM_PATH. The first run generates and caches the lab project (~15 s).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { launchChromium } from './chromium.ts';
import { treeCpuSeconds } from './cpu.ts';
import { dataFloor, type FloorResult } from './floor.ts';
import { clearServerCache, LAB_PROJECT, labSkeletons, spread } from './lab-scene.ts';
import { measure, type BenchRow } from './measure-3d.ts';
import { warmCache } from '../server/cache/warm.ts';
import { startApp, startDemo, type RunningApp } from './serve-app.ts';

const list = (v: string) =>
  v
    .split(',')
    .filter((s) => s.trim() !== '')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n >= 0);
const costs = list(process.env.BENCH_LAB_COSTS ?? '0,2.7');
const sizes = list(process.env.BENCH_LAB_N ?? '100,1000').filter((n) => n > 0);
const workers = process.env.DEMO_WORKERS ?? '4';
const port = Number(process.env.BENCH_LAB_PORT ?? 4520);

interface LabRow {
  costUsPerNode: number;
  neurons: number;
  floor: FloorResult;
  cold: BenchRow;
  /** Cold first complete frame / data floor. */
  ratio: number;
  labWarm: BenchRow;
  /** `cache warm` of the same skeletons into a cleared server cache: its time, then a first viewer. */
  warmed: { warmMs: number; failed: number; viewer: BenchRow };
  /** CPU seconds of the demo ("CATMAID") server during the cold and the lab-warm load. */
  catmaidCpu: { cold: number; labWarm: number };
}

async function timedCpu<T>(pid: number, run: () => Promise<T>): Promise<[T, number]> {
  const before = treeCpuSeconds(pid);
  const value = await run();
  return [value, Math.round((treeCpuSeconds(pid) - before) * 10) / 10];
}

/**
 * Waits (up to 2 min) until the server has stored `entries` cache entries: a night's warm-up
 * has long finished packing and storing its answers (write-behind) when the first person comes.
 */
async function storedEntries(base: string, entries: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const stats = (await (await fetch(`${base}/api/cache/stats`)).json()) as { entries: number };
    if (stats.entries >= entries) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.warn(`  (the server had not stored ${entries} entries within 2 min)`);
}

async function oneCost(browser: Browser, cost: number): Promise<LabRow[]> {
  const demoEnv = { DEMO_LAB: '1', DEMO_COST_US_PER_NODE: String(cost), DEMO_WORKERS: workers };
  const demo: RunningApp = await startDemo(spawn, port + 1, 1, demoEnv);
  const catmaid = `http://127.0.0.1:${port + 1}`;
  let app: RunningApp | null = null;
  try {
    app = await startApp(spawn, port, 1, { CATMAID_URL: catmaid });
    const base = `http://127.0.0.1:${port}`;
    const all = await labSkeletons(catmaid);
    const rows: LabRow[] = [];
    for (const n of sizes) {
      const ids = spread(all, n);
      console.log(`  cost ${cost} µs/node, N = ${n}: data floor …`);
      const floor = await dataFloor(catmaid, LAB_PROJECT, ids);
      // Cold means cold for the server cache too: N = 1,000 includes the N = 100 neurons.
      await clearServerCache(base);
      console.log(`  … cold browser (and reload) …`);
      const opts = { base, projectId: LAB_PROJECT };
      const running = app;
      const [cold, coldCpu] = await timedCpu(demo.pid, () => measure(browser, running, ids, opts));
      console.log(`  … lab-warm (a second fresh browser profile) …`);
      const [labWarm, warmCpu] = await timedCpu(demo.pid, () =>
        measure(browser, running, ids, { ...opts, noReload: true }),
      );
      console.log(`  … warmed at night (cache warm, then a first viewer) …`);
      await clearServerCache(base);
      const warm = await warmCache({ server: base, projectId: LAB_PROJECT, skeletonIds: ids });
      await storedEntries(base, 2 * n);
      const viewer = await measure(browser, running, ids, { ...opts, noReload: true });
      rows.push({
        costUsPerNode: cost,
        neurons: n,
        floor,
        cold,
        ratio: Math.round((cold.firstFrameMs / Math.max(1, floor.ms)) * 100) / 100,
        labWarm,
        warmed: { warmMs: warm.ms, failed: warm.failed.length, viewer },
        catmaidCpu: { cold: coldCpu, labWarm: warmCpu },
      });
    }
    return rows;
  } finally {
    app?.stop();
    demo.stop();
  }
}

const fmt = (v: number | null | undefined) => (v == null ? 'n/a' : v.toLocaleString('en-US'));

function summary(rows: LabRow[]): string {
  const head = [
    'µs/node',
    'N',
    'nodes',
    'floor ms',
    'floor MB',
    'floor peak in flight',
    'cold ms',
    'cold/floor',
    'first neurons ms cold / lab-warm / reload',
    'reload ms (neurons in)',
    'reopen ms',
    'lab-warm ms',
    'cache warm s, then first viewer ms',
    'full data ms cold / reload / warm',
    'longest task ms cold / reload / reopen / warm',
    'traced reopen: longest task wall / CPU ms',
    'heap MB',
  ];
  const cells = [
    head,
    ...rows.map((r) => [
      fmt(r.costUsPerNode),
      fmt(r.neurons),
      fmt(r.floor.nodes),
      fmt(r.floor.ms),
      fmt(r.floor.megabytes),
      fmt(r.floor.concurrency),
      fmt(r.cold.firstFrameMs),
      fmt(r.ratio),
      [r.cold.firstNeuronsMs, r.labWarm.firstNeuronsMs, r.cold.reloadFirstNeuronsMs]
        .map(fmt)
        .join(' / '),
      `${fmt(r.cold.reloadFirstFrameMs)} (${fmt(r.cold.reloadSettledMs)})`,
      fmt(r.cold.reopenFirstFrameMs),
      fmt(r.labWarm.firstFrameMs),
      `${fmt(Math.round(r.warmed.warmMs / 100) / 10)}${r.warmed.failed ? ` (${r.warmed.failed} failed)` : ''}, ${fmt(r.warmed.viewer.firstFrameMs)}`,
      [r.cold.fullDataMs, r.cold.reloadFullDataMs, r.labWarm.fullDataMs].map(fmt).join(' / '),
      [
        r.cold.longestTaskMs,
        r.cold.reloadLongestTaskMs,
        r.cold.reopenLongestTaskMs,
        r.labWarm.longestTaskMs,
      ]
        .map(fmt)
        .join(' / '),
      r.cold.reopenTraced
        ? `${fmt(r.cold.reopenTraced.wallMs)} / ${fmt(r.cold.reopenTraced.cpuMs)}`
        : 'n/a',
      fmt(r.cold.jsHeapMB),
    ]),
  ];
  const widths = head.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length)));
  const lines = cells.map((c) => c.map((v, i) => v.padStart(widths[i] ?? 0)).join('  '));
  const cpu = rows.map(
    (r) =>
      `cost ${r.costUsPerNode}, N = ${r.neurons}: CPU s cold: ` +
      Object.entries(r.cold.cpu)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      `, catmaid ${r.catmaidCpu.cold}; lab-warm: ` +
      Object.entries(r.labWarm.cpu)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      `, catmaid ${r.catmaidCpu.labWarm}`,
  );
  return [...lines, '', ...cpu].join('\n');
}

async function main() {
  if (sizes.length === 0 || costs.length === 0) return;
  if (!existsSync(`${process.env.DIST_DIR || 'dist'}/index.html`))
    throw new Error('no build: run `npm run build` first');
  console.log(
    `lab bench: project ${LAB_PROJECT}, N = ${sizes.join(', ')}, costs ${costs.join(', ')} µs/node, ${workers} server workers`,
  );
  const browser = await launchChromium();
  const rows: LabRow[] = [];
  try {
    for (const cost of costs) rows.push(...(await oneCost(browser, cost)));
  } finally {
    await browser.close();
  }
  console.log(`\n${summary(rows)}\n`);
  mkdirSync('bench-results', { recursive: true });
  const date = new Date().toISOString();
  const file = `bench-results/lab-${date.slice(0, 19).replace(/[:T]/g, '-')}.json`;
  const machine = {
    cpus: (await import('node:os')).cpus().length,
    loadavg: (await import('node:os')).loadavg(),
  };
  writeFileSync(file, JSON.stringify({ date, workers: Number(workers), machine, rows }, null, 2));
  console.log(`wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
