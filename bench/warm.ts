/**
 * `npm run build && BENCH_N=1000 npx tsx bench/warm.ts`: the warm start alone. Shows N neurons
 * in a fresh profile, waits until the browser's copy holds all of them (the worker writes once
 * loading is idle), reloads, and reports the time from navigation to the first neurons on
 * screen and to the first complete frame, the longest main-thread task, and which requests the
 * reload made (a warm start should make only skeletons/summary checks, no compact-detail).
 * Env: BENCH_N (1000), DEMO_SCALE (10), BENCH_PORT (4600), CHROMIUM_PATH.
 */
import { spawn } from 'node:child_process';
import type { Page } from '@playwright/test';
import { launchChromium } from './chromium.ts';
import { startApp } from './serve-app.ts';
import { opfsCopies } from '../e2e/browser-copies.ts';

declare global {
  interface Window {
    __catmaidDashboard?: { selectSkeletons(ids: readonly number[]): number };
  }
}

const n = Number(process.env.BENCH_N ?? 1000);
const scale = Number(process.env.DEMO_SCALE ?? 10);
const port = Number(process.env.BENCH_PORT ?? 4600);
const base = `http://127.0.0.1:${port}`;

const INIT = `
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

async function ready(page: Page) {
  const sel = `[aria-label="3D viewer"][data-scene-ready="true"][data-neuron-count="${n}"]`;
  await page.waitForSelector(sel, { timeout: 600_000, state: 'attached' });
  return page.$eval(sel, (el) => ({ ...(el as HTMLElement).dataset }));
}

const app = await startApp(spawn, port, scale);
const browser = await launchChromium();
try {
  const all = (await (await fetch(`${base}/api/catmaid/1/skeletons/`)).json()) as number[];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.goto(`${base}/?view=3d&pid=1&bench=1`);
  await page.waitForFunction(() => window.__catmaidDashboard !== undefined);
  await page.waitForSelector('canvas[data-warm="true"]', { state: 'attached' });
  const t0 = await page.evaluate(
    (ids) => window.__catmaidDashboard?.selectSkeletons(ids) ?? 0,
    all.slice(0, n),
  );
  const cold = await ready(page);
  console.log(
    `cold: ${cold.nodeCount} nodes, first neurons ${Math.round(Number(cold.firstNeuronsAt) - t0)} ms, complete frame ${Math.round(Number(cold.readyAt) - t0)} ms`,
  );
  const tw = Date.now();
  // Written in steps once the worker is idle (the first chunk twice: geometry first): complete
  // when there are at least n and the count has stopped growing.
  for (let last = -1, now = await opfsCopies(page); now < n || now !== last;) {
    await page.waitForTimeout(1000);
    [last, now] = [now, await opfsCopies(page)];
  }
  console.log(`browser copy complete ${Date.now() - tw} ms after the cold frame`);

  const requests: string[] = [];
  const summaryIds: number[] = [];
  page.on('request', (r) => {
    if (!r.url().includes('/api/catmaid/')) return;
    requests.push(r.url().replace(/^.*\/api\/catmaid/, ''));
    const ids = (r.postData() ?? '').match(/skeleton_ids/g)?.length ?? 0;
    if (r.url().includes('skeletons/summary')) summaryIds.push(ids);
  });
  const profile = process.env.BENCH_PROFILE === '1';
  const cdp = profile ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.reload();
  const warm = await ready(page);
  if (cdp) {
    const { profile: p } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = p.timeDeltas ?? [];
    const byId = new Map(p.nodes.map((node) => [node.id, node]));
    (p.samples ?? []).forEach((id, i) => {
      const f = byId.get(id)?.callFrame;
      const name = f
        ? `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
        : '?';
      self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    for (const [name, ms] of top) console.log(`  ${Math.round(ms)} ms  ${name}`);
  }
  const tasks = await page.evaluate(
    () => (window as unknown as { __longtasks: [number, number][] }).__longtasks,
  );
  const readyAt = Number(warm.readyAt);
  const during = tasks.filter(([s]) => s <= readyAt);
  const byPath = new Map<string, number>();
  for (const r of requests) byPath.set(r, (byPath.get(r) ?? 0) + 1);
  console.log(
    `warm reload: ${warm.nodeCount} nodes, first neurons ${Math.round(Number(warm.firstNeuronsAt))} ms, ` +
      `complete frame ${Math.round(readyAt)} ms after navigation; longest task ` +
      `${Math.round(Math.max(0, ...during.map(([, d]) => d)))} ms (${during.length} over 50 ms)`,
  );
  console.log(`requests during the reload: ${JSON.stringify(Object.fromEntries(byPath))}`);
  console.log(`skeleton ids per summary request: ${summaryIds.join(', ')}`);
  await context.close();
} finally {
  await browser.close();
  app.stop();
}
