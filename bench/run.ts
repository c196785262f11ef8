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
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from './chromium.ts';
import { browserCpu, cpuDelta, treeCpuSeconds, type CpuByProcess } from './cpu.ts';
import { faultSection, faultTable, type FaultRow } from './faults.ts';
import { startApp, type RunningApp } from './serve-app.ts';

declare global {
  interface Window {
    __catmaidDashboard?: { selectSkeletons(ids: readonly number[]): number };
  }
}

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

export interface BenchRow {
  neurons: number;
  nodes: number;
  failed: number;
  firstFrameMs: number;
  /** Until the last neuron had arrived (the rest of firstFrameMs is the final draw). */
  settledMs: number;
  /** Frames drawn while loading, the complete one included. */
  framesDrawn: number;
  nodesPerSecond: number;
  longestTaskMs: number;
  longTasks: number;
  drawCalls: number;
  jsHeapMB: number;
  orbitFrameMs: number;
  reloadFirstFrameMs: number;
  /** CPU seconds per process from "show" to the first complete frame. */
  cpu: CpuByProcess;
}

const INIT = `
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await cdp.detach();
  return Math.round((used / 2 ** 20) * 10) / 10;
}

async function readyAttrs(page: Page, n: number) {
  const sel = `[aria-label="3D viewer"][data-scene-ready="true"][data-neuron-count="${n}"]`;
  await page.waitForSelector(sel, { timeout: 600_000, state: 'attached' });
  return page.$eval(sel, (el) => ({ ...(el as HTMLElement).dataset }));
}

async function orbitFrameMs(page: Page): Promise<number> {
  const box = await page.locator('canvas').boundingBox();
  if (!box) return NaN;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const steps = 10;
  const t0 = Date.now();
  for (let i = 1; i <= steps; i++) {
    const before = await page.$eval('[aria-label="3D viewer"]', (el) =>
      Number((el as HTMLElement).dataset.frame),
    );
    await page.mouse.move(cx + i * 12, cy + i * 4);
    await page.waitForFunction(
      (b) =>
        Number((document.querySelector('[aria-label="3D viewer"]') as HTMLElement).dataset.frame) >
        b,
      before,
    );
  }
  await page.mouse.up();
  return Math.round((Date.now() - t0) / steps);
}

async function measure(browser: Browser, app: RunningApp, ids: number[]): Promise<BenchRow> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.goto(`${base}/?view=3d&pid=1&bench=1`);
  await page.waitForFunction(() => window.__catmaidDashboard !== undefined, null, {
    timeout: 60_000,
  });
  // "Show N neurons" happens in an open viewer: wait until its canvas is laid out and warm.
  await page.waitForSelector('canvas[data-warm="true"]', { state: 'attached', timeout: 60_000 });
  const cpuBefore = { ...(await browserCpu(browser)), server: treeCpuSeconds(app.pid) };
  const t0 = await page.evaluate(
    (list) => window.__catmaidDashboard?.selectSkeletons(list) ?? 0,
    ids,
  );
  const attrs = await readyAttrs(page, ids.length).catch(async () => {
    const d = await page.$eval('[aria-label="3D viewer"]', (el) => ({
      ...(el as HTMLElement).dataset,
    }));
    throw new Error(`not ready: ${JSON.stringify(d)}`);
  });
  const cpu = cpuDelta(
    { ...(await browserCpu(browser)), server: treeCpuSeconds(app.pid) },
    cpuBefore,
  );
  const readyAt = Number(attrs.readyAt);
  const tasks = await page.evaluate(
    () => (window as unknown as { __longtasks: [number, number][] }).__longtasks,
  );
  const during = tasks.filter(([start]) => start >= t0 && start <= readyAt);
  const nodes = Number(attrs.nodeCount);
  const firstFrameMs = Math.round(readyAt - t0);
  const row: BenchRow = {
    neurons: Number(attrs.neuronCount),
    nodes,
    failed: Number(attrs.failedCount),
    firstFrameMs,
    settledMs: Math.round(Number(attrs.settledAt) - t0),
    framesDrawn: Number(attrs.frame),
    nodesPerSecond: Math.round(nodes / (firstFrameMs / 1000)),
    longestTaskMs: Math.round(Math.max(0, ...during.map(([, d]) => d))),
    longTasks: during.length,
    drawCalls: Number(attrs.drawCalls),
    jsHeapMB: await heapMB(page),
    orbitFrameMs: await orbitFrameMs(page),
    reloadFirstFrameMs: NaN,
    cpu,
  };
  // Reload: the selection is kept (localStorage) and the skeletons come from IndexedDB.
  await page.reload();
  const again = await readyAttrs(page, ids.length);
  row.reloadFirstFrameMs = Math.round(Number(again.readyAt));
  await context.close();
  return row;
}

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
    ['reloadFirstFrameMs', 'reload (IDB) ms'],
  ];
  const cells = [
    cols.map(([, h]) => h),
    ...rows.map((r) => cols.map(([k]) => r[k].toLocaleString('en-US'))),
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
      rows.push(await measure(browser, app, all.slice(0, n)));
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
