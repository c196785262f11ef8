/**
 * One 3D-view measurement in a fresh browser context (empty IndexedDB): open the 3D view with the
 * bench hook, put N skeletons into the selection in one step, wait for the scene-ready signal,
 * then (unless told not to) reload and time the same frame again from IndexedDB. Shared by the
 * 3D bench (run.ts) and the lab-scale bench (lab.ts).
 */
import type { Browser, Page } from '@playwright/test';
import { browserCpu, cpuDelta, treeCpuSeconds, type CpuByProcess } from './cpu.ts';
import type { RunningApp } from './serve-app.ts';
import { longestTraceTask, startTaskTrace, type TraceTasks } from './trace-tasks.ts';

declare global {
  interface Window {
    __catmaidDashboard?: { selectSkeletons(ids: readonly number[]): number };
  }
}

export interface BenchRow {
  neurons: number;
  nodes: number;
  failed: number;
  firstFrameMs: number;
  /** Until the last neuron had arrived (the rest of firstFrameMs is the final draw). */
  settledMs: number;
  /** Neurons arrived but not yet copied into the scene when the last one arrived. */
  queuedAtSettle: number;
  /** Frames drawn while loading, the complete one included. */
  framesDrawn: number;
  nodesPerSecond: number;
  longestTaskMs: number;
  longTasks: number;
  drawCalls: number;
  jsHeapMB: number;
  orbitFrameMs: number;
  reloadFirstFrameMs: number;
  /**
   * Reload: until the last neuron had arrived from the browser's copies (the rest of
   * reloadFirstFrameMs is drawing; with software GL, one draw of a lab-scale scene takes 1–2 s).
   */
  reloadSettledMs: number;
  /** Reload: from navigation to the first frame with neurons (null in builds without the mark). */
  reloadFirstNeuronsMs: number | null;
  /** Longest main-thread task of the reload, until its complete frame. */
  reloadLongestTaskMs: number;
  /**
   * The same scene opened in a new tab of the same profile after closing the old one: a warm
   * start without the old page's teardown, which a reload (same tab) waits for (0.1–0.9 s for
   * a 10-million-node scene).
   */
  reopenFirstFrameMs: number;
  reopenLongestTaskMs: number;
  /**
   * One more reopen, under a light trace: its longest main-thread task in wall and in CPU
   * (thread) time. With software GL on 2 cores the GPU process's raster threads take the cores
   * while a frame is drawn, and a task of 10 ms of CPU can take 60+ ms of wall time there: the
   * CPU time is what the page itself costs its main thread.
   */
  reopenTraced: Pick<TraceTasks, 'wallMs' | 'cpuMs' | 'over50CpuMs'> | null;
  /** From "show" to performance.mark('catmaid:first-neurons-drawn'); null when not marked. */
  firstNeuronsMs: number | null;
  /**
   * Display first (huge scenes): from "show" until every neuron's full data is in the scene
   * model (data-full-ready), after the complete frame; equal to it otherwise.
   */
  fullDataMs: number;
  reloadFullDataMs: number;
  /** Neurons drawn from display forms at the complete frame (0: loaded in full). */
  displayFirst: number;
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

/** The longest main-thread task of a freshly loaded page, up to `until` (its ready time). */
async function fullReadyAt(page: Page): Promise<number> {
  const sel = '[aria-label="3D viewer"][data-full-ready="true"]';
  await page.waitForSelector(sel, { timeout: 600_000, state: 'attached' });
  return Number(await page.$eval(sel, (el) => (el as HTMLElement).dataset.fullReadyAt));
}

/** Browser copies (IndexedDB index keys) whose key starts with `prefix`. */
function copyKeys(page: Page, prefix: string): Promise<number> {
  return page.evaluate(
    (p) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('catmaid-dashboard-skeletons');
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('skeletons')) return resolve(0);
          const keys = db.transaction('skeletons').objectStore('skeletons').getAllKeys();
          keys.onsuccess = () => {
            db.close();
            resolve(keys.result.filter((k) => typeof k === 'string' && k.startsWith(p)).length);
          };
          keys.onerror = () => resolve(0);
        };
      }),
    prefix,
  );
}

/**
 * Until the workers have written their copies (they write once idle): a reload before that
 * would measure the dashboard server, not the browser's copies.
 */
async function copiesWritten(page: Page, n: number, display: boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const full = await copyKeys(page, 'skeleton3d:v2|');
    const shown = display ? await copyKeys(page, 'display3d:v1|') : n;
    if (full >= n && shown >= n) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.warn('  (the browser copies were not all written within 5 min)');
}

async function longestTaskUntil(page: Page, until: number): Promise<number> {
  const tasks = await page.evaluate(
    () => (window as unknown as { __longtasks: [number, number][] }).__longtasks,
  );
  return Math.round(Math.max(0, ...tasks.filter(([t]) => t <= until).map(([, d]) => d)));
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

export interface MeasureOptions {
  base: string;
  projectId: number;
  /** Skip the reload (IndexedDB) measurement. */
  noReload?: boolean;
}

export async function measure(
  browser: Browser,
  app: RunningApp,
  ids: number[],
  opts: MeasureOptions,
): Promise<BenchRow> {
  const { base } = opts;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.goto(`${base}/?view=3d&pid=${opts.projectId}&bench=1`);
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
  // The "load" work marks when the first neurons are drawn; absent in builds without it.
  const firstNeurons = await page.evaluate(
    () => performance.getEntriesByName('catmaid:first-neurons-drawn')[0]?.startTime ?? null,
  );
  const displayFirst = Number(attrs.fullPending ?? 0);
  const fullAt = await fullReadyAt(page);
  const row: BenchRow = {
    fullDataMs: Math.round(fullAt - t0),
    reloadFullDataMs: NaN,
    displayFirst,
    neurons: Number(attrs.neuronCount),
    nodes,
    failed: Number(attrs.failedCount),
    firstFrameMs,
    settledMs: Math.round(Number(attrs.settledAt) - t0),
    queuedAtSettle: Number(attrs.queuedAtSettle ?? NaN),
    framesDrawn: Number(attrs.frame),
    nodesPerSecond: Math.round(nodes / (firstFrameMs / 1000)),
    longestTaskMs: Math.round(Math.max(0, ...during.map(([, d]) => d))),
    longTasks: during.length,
    drawCalls: Number(attrs.drawCalls),
    jsHeapMB: await heapMB(page),
    orbitFrameMs: await orbitFrameMs(page),
    reloadFirstFrameMs: NaN,
    reloadSettledMs: NaN,
    reloadFirstNeuronsMs: null,
    reloadLongestTaskMs: NaN,
    reopenFirstFrameMs: NaN,
    reopenLongestTaskMs: NaN,
    reopenTraced: null,
    firstNeuronsMs: firstNeurons === null ? null : Math.round(firstNeurons - t0),
    cpu,
  };
  if (opts.noReload) {
    await context.close();
    return row;
  }
  // Reload: the selection is kept (localStorage) and the skeletons come from the browser's copy.
  await copiesWritten(page, ids.length, displayFirst > 0);
  await page.reload();
  const again = await readyAttrs(page, ids.length);
  row.reloadFirstFrameMs = Math.round(Number(again.readyAt));
  row.reloadSettledMs = Math.round(Number(again.settledAt));
  row.reloadFirstNeuronsMs =
    again.firstNeuronsAt === undefined ? null : Math.round(Number(again.firstNeuronsAt));
  row.reloadLongestTaskMs = await longestTaskUntil(page, Number(again.readyAt));
  row.reloadFullDataMs = Math.round(await fullReadyAt(page));
  const url = page.url();
  await page.close();
  const reopened = await context.newPage();
  await reopened.goto(url);
  const third = await readyAttrs(reopened, ids.length);
  row.reopenFirstFrameMs = Math.round(Number(third.readyAt));
  row.reopenLongestTaskMs = await longestTaskUntil(reopened, Number(third.readyAt));
  await reopened.close();
  const traced = await context.newPage();
  await startTaskTrace(browser, traced);
  await traced.goto(url);
  await readyAttrs(traced, ids.length);
  const { wallMs, cpuMs, over50CpuMs } = await longestTraceTask(browser, 'catmaid:scene-ready');
  row.reopenTraced = { wallMs, cpuMs, over50CpuMs };
  await context.close();
  return row;
}
