/**
 * The bench's 10 %-failure 3D load (issue 9): N neurons shown in 3D while a tenth of the
 * compact-detail requests fail, half with a 503 page and half with a connection reset mid-body,
 * injected by the fault proxy between the dashboard server and the demo server
 * (browser → serve.ts → test-support/fault-proxy.ts → demo server). For each N, first a clean
 * load through the same chain, then the faulted one, each in a fresh browser context (empty
 * IndexedDB), both started through the bench hook and never touched again: reports how many
 * neurons arrived without user action, how many were listed as failed, and how long it took.
 */
import type { spawn as spawnFn } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { startFaultProxy, type FaultKind, type FaultProxy } from '../test-support/fault-proxy.ts';
import { startApp, startDemo, type RunningApp } from './serve-app.ts';

export interface FaultRow {
  neurons: number;
  faultRate: number;
  /** Neurons in the scene when the view settled, with nobody pressing anything. */
  arrived: number;
  failed: number;
  settledMs: number;
  firstFrameMs: number;
  requests: number;
  faulted: number;
}

const PATH = '/skeletons/compact-detail';

/**
 * The proxy applies one rule per path, so the two fault kinds take turns: the rule switches
 * between 503 and reset every 100 ms (each at the full rate, with a fresh seed), which mixes
 * them about evenly over a load that lasts seconds.
 */
function alternateFaults(proxy: FaultProxy, rate: number): () => void {
  const kinds: FaultKind[] = ['503', 'reset'];
  let turn = 0;
  const set = () => {
    proxy.setRules([{ path: PATH, fault: kinds[turn % 2] ?? '503', rate, seed: 1 + turn }]);
    turn++;
  };
  set();
  const timer = setInterval(set, 100);
  return () => {
    clearInterval(timer);
    proxy.clearRules();
  };
}

async function settle(page: Page, n: number) {
  await page.waitForFunction(
    (want) => {
      const d = document.querySelector<HTMLElement>('[aria-label="3D viewer"]')?.dataset;
      if (!d || d.sceneReady !== 'true') return false;
      return Number(d.neuronCount) + Number(d.failedCount) === want;
    },
    n,
    { timeout: 900_000, polling: 100 },
  );
  return page.$eval('[aria-label="3D viewer"]', (el) => ({ ...(el as HTMLElement).dataset }));
}

async function load(browser: Browser, base: string, ids: number[]) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.goto(`${base}/?view=3d&pid=1&bench=1`);
  await page.waitForFunction(() => window.__catmaidDashboard !== undefined, null, {
    timeout: 60_000,
  });
  await page.waitForSelector('canvas[data-warm="true"]', { state: 'attached', timeout: 60_000 });
  const t0 = await page.evaluate(
    (list) => window.__catmaidDashboard?.selectSkeletons(list) ?? 0,
    ids,
  );
  const d = await settle(page, ids.length);
  await context.close();
  return {
    arrived: Number(d.neuronCount),
    failed: Number(d.failedCount),
    settledMs: Math.round(Number(d.settledAt) - t0),
    firstFrameMs: Math.round(Number(d.readyAt) - t0),
  };
}

export async function faultSection(
  spawn: typeof spawnFn,
  browser: Browser,
  { port, scale, sizes, rate }: { port: number; scale: number; sizes: number[]; rate: number },
): Promise<FaultRow[]> {
  const demo: RunningApp = await startDemo(spawn, port + 2, scale);
  const proxy = await startFaultProxy({ port: port + 3, target: `http://127.0.0.1:${port + 2}/` });
  let app: RunningApp | undefined;
  try {
    app = await startApp(spawn, port + 1, scale, { CATMAID_URL: proxy.url });
    const base = `http://127.0.0.1:${port + 1}`;
    const all = (await (await fetch(`${base}/api/catmaid/1/skeletons/`)).json()) as number[];
    const rows: FaultRow[] = [];
    for (const n of sizes) {
      if (all.length < n) throw new Error(`the demo has ${all.length} skeletons (N=${n})`);
      const ids = all.slice(0, n);
      for (const r of [0, rate]) {
        console.log(`  N = ${n}, ${Math.round(r * 100)} % of compact-detail requests failing …`);
        const before = proxy.stats();
        const stop = r > 0 ? alternateFaults(proxy, r) : () => undefined;
        const result = await load(browser, base, ids).finally(stop);
        const after = proxy.stats();
        const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
        rows.push({
          neurons: n,
          faultRate: r,
          ...result,
          requests: delta('requests'),
          faulted: delta('faulted'),
        });
      }
    }
    return rows;
  } finally {
    app?.stop();
    await proxy.close();
    demo.stop();
  }
}

export function faultTable(rows: FaultRow[]): string {
  const head = ['neurons', 'failing', 'arrived', 'failed', 'all settled ms', 'first frame ms'];
  const cells = [
    [...head, 'requests', 'faulted'],
    ...rows.map((r) =>
      [
        r.neurons,
        `${Math.round(r.faultRate * 100)} %`,
        r.arrived,
        r.failed,
        r.settledMs,
        r.firstFrameMs,
        r.requests,
        r.faulted,
      ].map((v) => v.toLocaleString('en-US')),
    ),
  ];
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length))) ?? [];
  return cells.map((c) => c.map((v, i) => v.padStart(widths[i] ?? 0)).join('  ')).join('\n');
}
