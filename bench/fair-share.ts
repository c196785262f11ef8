/**
 * `npm run bench` (fair-share part): one colleague opens a cold lab scene of 1,000 neurons, and
 * while it loads another opens 10 neurons of another project, through the same dashboard server
 * with CATMAID_CONCURRENCY = 2 (half of the demo's 4 workers, as the README advises). The lab's
 * CATMAID slots are served in turn per browser (server/proxy/upstream-gate.ts), so the small
 * scene should not wait for the big one's queued requests. Prints the time from "show" to the
 * complete frame for both, per repetition.
 *
 * Env: BENCH_FAIR_REPS (2; 0 skips), BENCH_FAIR_COST (µs per node, 2.7), BENCH_FAIR_PORT (4540
 * and the next). Needs `npm run build`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchChromium } from './chromium.ts';
import { clearServerCache, LAB_PROJECT, labSkeletons, spread } from './lab-scene.ts';
import { openWarm, readyMs } from './scene-pages.ts';
import { startApp, startDemo } from './serve-app.ts';

const REPS = Number(process.env.BENCH_FAIR_REPS ?? 2);
const cost = process.env.BENCH_FAIR_COST ?? '2.7';
const port = Number(process.env.BENCH_FAIR_PORT ?? 4540);
const BIG = 1000;
const SMALL = 10;
/** The small scene is opened this long after the big one (its requests are queued by then). */
const LATER_MS = 1500;
const OTHER_PROJECT = 1;

async function show(page: Page, ids: number[]): Promise<number> {
  return page.evaluate((list) => window.__catmaidDashboard?.selectSkeletons(list) ?? 0, ids);
}

async function main() {
  if (!(REPS > 0)) return;
  const demo = await startDemo(spawn, port + 1, 1, {
    DEMO_LAB: '1',
    DEMO_COST_US_PER_NODE: cost,
    DEMO_WORKERS: '4',
  });
  const catmaid = `http://127.0.0.1:${port + 1}`;
  const app = await startApp(spawn, port, 1, { CATMAID_URL: catmaid, CATMAID_CONCURRENCY: '2' });
  const base = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  const rows: { smallMs: number; bigMs: number }[] = [];
  try {
    const big = spread(await labSkeletons(catmaid), BIG);
    const small = (await labSkeletons(catmaid, OTHER_PROJECT)).slice(0, SMALL);
    console.log(
      `fair-share bench: ${BIG} cold lab neurons, then ${SMALL} others ${LATER_MS} ms later, at ${cost} µs/node, 2 CATMAID slots`,
    );
    for (let rep = 0; rep < REPS; rep++) {
      await clearServerCache(base);
      const bigPage = await openWarm(browser, `${base}/?view=3d&pid=${LAB_PROJECT}&bench=1`);
      const smallPage = await openWarm(browser, `${base}/?view=3d&pid=${OTHER_PROJECT}&bench=1`);
      const t0 = await show(bigPage, big);
      await new Promise((r) => setTimeout(r, LATER_MS));
      const t1 = await show(smallPage, small);
      const smallMs = await readyMs(smallPage, t1, small.length);
      const bigMs = await readyMs(bigPage, t0, big.length);
      rows.push({ smallMs, bigMs });
      await Promise.all([bigPage, smallPage].map((p) => p.context().close()));
    }
  } finally {
    await browser.close();
    app.stop();
    demo.stop();
  }
  console.log(`\nrep  ${SMALL} neurons meanwhile, ms  ${BIG} neurons, ms`);
  rows.forEach((r, i) =>
    console.log(
      `${String(i + 1).padStart(3)}  ${r.smallMs.toLocaleString('en-US').padStart(22)}  ${r.bigMs.toLocaleString('en-US').padStart(15)}`,
    ),
  );
  mkdirSync('bench-results', { recursive: true });
  const date = new Date().toISOString();
  const file = `bench-results/fair-share-${date.slice(0, 19).replace(/[:T]/g, '-')}.json`;
  writeFileSync(
    file,
    JSON.stringify({ date, big: BIG, small: SMALL, costUsPerNode: Number(cost), rows }, null, 2),
  );
  console.log(`wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
