/**
 * `npm run bench`: how fast the 3D view shows N neurons, in headless Debian Chromium (software
 * WebGL) against the built app (`server/serve.ts`) and an embedded demo server at DEMO_SCALE.
 *
 * For each N (default 100 and 1000; BENCH_N=100,500,1000 to choose) in a fresh browser context
 * (empty IndexedDB): open the 3D view with the documented bench hook (`?bench=1`), wait until its
 * canvas is laid out and its GPU programs are built (`canvas[data-warm]`), put N
 * skeletons into the selection in one step, and wait for the view's scene-ready signal. Reports
 * time to the first complete frame, nodes per second, the longest main-thread task in that time
 * (PerformanceObserver longtask), draw calls of that frame, JS heap, the mean frame time of an
 * orbit drag afterwards, and the time to the same frame after a reload (IndexedDB cache).
 * Writes bench-results/bench-<date>.json. Needs `npm run build` first.
 *
 * Then the 10 %-failure 3D load (bench/faults.ts) for BENCH_FAULT_N (default 200,1000): how many
 * neurons arrive without user action while a tenth of the skeleton requests fail, and how long
 * it takes against a clean load through the same chain.
 *
 * Env: DEMO_SCALE (default 10: ~1,700 neurons, ~6.6 M nodes; cached on disk after the first run),
 * BENCH_N / BENCH_FAULT_N (empty: skip that section), BENCH_FAULT_RATE (0.1), BENCH_PORT (4500;
 * the fault section also uses the next three ports), CHROMIUM_PATH.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { launchChromium } from './chromium.ts';
import { faultSection, faultTable, type FaultRow } from './faults.ts';
import { measure, type BenchRow } from './measure-3d.ts';
import { startApp, type RunningApp } from './serve-app.ts';

const scale = Number(process.env.DEMO_SCALE ?? 10);
const sizes = (process.env.BENCH_N ?? '100,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const faultSizes = (process.env.BENCH_FAULT_N ?? '200,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const faultRate = Number(process.env.BENCH_FAULT_RATE ?? 0.1);
const port = Number(process.env.BENCH_PORT ?? 4500);
const base = `http://127.0.0.1:${port}`;

function table(rows: BenchRow[]): string {
  const cols: [Exclude<keyof BenchRow, 'cpu'>, string][] = [
    ['neurons', 'neurons'],
    ['nodes', 'nodes'],
    ['failed', 'failed'],
    ['firstFrameMs', 'first frame ms'],
    ['settledMs', 'all loaded ms'],
    ['framesDrawn', 'frames'],
    ['nodesPerSecond', 'nodes/s'],
    ['longestTaskMs', 'longest task ms'],
    ['longTasks', 'long tasks'],
    ['drawCalls', 'draw calls'],
    ['jsHeapMB', 'JS heap MB'],
    ['orbitFrameMs', 'orbit frame ms'],
    ['reloadFirstFrameMs', 'reload ms'],
    ['reopenFirstFrameMs', 'reopen ms'],
    ['firstNeuronsMs', 'first neurons ms'],
  ];
  const cells = [
    cols.map(([, h]) => h),
    ...rows.map((r) => cols.map(([k]) => r[k]?.toLocaleString('en-US') ?? 'n/a')),
  ];
  const widths = cols.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length)));
  const lines = cells.map((c) => c.map((v, i) => v.padStart(widths[i] ?? 0)).join('  '));
  const cpu = rows.map(
    (r) =>
      `N = ${r.neurons}: CPU s to first frame: ` +
      Object.entries(r.cpu)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
  return [...lines, '', ...cpu].join('\n');
}

async function mainSection(browser: Browser): Promise<BenchRow[]> {
  if (sizes.length === 0) return [];
  const app: RunningApp = await startApp(spawn, port, scale);
  try {
    const all = (await (await fetch(`${base}/api/catmaid/1/skeletons/`)).json()) as number[];
    const rows: BenchRow[] = [];
    for (const n of sizes) {
      if (all.length < n)
        throw new Error(`the demo has ${all.length} skeletons; raise DEMO_SCALE for N=${n}`);
      console.log(`  N = ${n} …`);
      rows.push(await measure(browser, app, all.slice(0, n), { base, projectId: 1 }));
    }
    console.log(`\n${table(rows)}\n`);
    return rows;
  } finally {
    app.stop();
  }
}

async function main() {
  if (!existsSync(`${process.env.DIST_DIR || 'dist'}/index.html`))
    throw new Error('no build: run `npm run build` first');
  console.log(`bench: demo scale ${scale}, N = ${sizes.join(', ')}`);
  const browser = await launchChromium();
  try {
    const rows = await mainSection(browser);
    let faults: FaultRow[] = [];
    if (faultSizes.length > 0) {
      console.log(`3D load with failures: N = ${faultSizes.join(', ')}`);
      faults = await faultSection(spawn, browser, {
        port,
        scale,
        sizes: faultSizes,
        rate: faultRate,
      });
      console.log(`\n${faultTable(faults)}\n`);
    }
    mkdirSync('bench-results', { recursive: true });
    const file = `bench-results/bench-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`;
    writeFileSync(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          demoScale: scale,
          machine: { cpus: (await import('node:os')).cpus().length },
          rows,
          faults,
        },
        null,
        2,
      ),
    );
    console.log(`wrote ${file}`);
  } finally {
    await browser.close();
  }
}

await main();
