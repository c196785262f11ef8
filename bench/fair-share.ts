/**
 * `npm run bench` (fair-share part): one colleague opens a cold lab scene of 1,000 neurons, and
 * while it loads another opens 10 neurons of another project, through the same dashboard server
 * with CATMAID_CONCURRENCY = 2 (half of the demo's 4 workers, as the README advises). The lab's
 * CATMAID slots go first to the browser that has had least of them (proxy/upstream-gate.ts), so
 * the small scene should not wait for the big one's queued requests. Prints the time from "show"
 * to the complete frame for both, per repetition; and, to compare, the small scene's time alone
 * (cold too) and while three scripted colleagues (bench/scripted-colleague.ts) load 300 cold lab
 * neurons each, seen by the server as three more browsers and, to compare, as one browser with
 * the page (one first-come-first-served queue, as the slots were shared before browsers were
 * told apart). Shared well, the small scene takes about its time alone plus a wait for one free
 * slot, not the time to drain everyone's queued requests.
 *
 * Env: BENCH_FAIR_REPS (2; 0 skips), BENCH_FAIR_COST (µs per node, 2.7), BENCH_FAIR_PORT (4540
 * and the next). Needs `npm run build`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from './chromium.ts';
import { browserCookie, loadAsColleague } from './scripted-colleague.ts';
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
/** Scripted colleagues in the last case, and the cold lab neurons each loads. */
const SCRIPTED = 3;
const SCRIPTED_N = 300;

interface Row {
  aloneMs: number;
  smallMs: number;
  bigMs: number;
  /** The small scene while the scripted colleagues load, and what they had received by then. */
  amongScriptedMs: number;
  scriptedReceived: number;
  /** The same, all four under one browser id: one first-come-first-served queue. */
  oneQueueMs: number;
  oneQueueReceived: number;
}

async function show(page: Page, ids: number[]): Promise<number> {
  return page.evaluate((list) => window.__catmaidDashboard?.selectSkeletons(list) ?? 0, ids);
}

/**
 * The small scene opened while SCRIPTED colleagues load cold lab neurons. `oneQueue`: all of
 * them and the page under one browser id, so the server serves them first come first served.
 */
async function smallAmongScripted(
  browser: Browser,
  base: string,
  small: number[],
  scripted: number[],
  oneQueue: boolean,
): Promise<{ ms: number; received: number }> {
  await clearServerCache(base);
  const shared = oneQueue ? await browserCookie(base) : undefined;
  const page = await openWarm(browser, `${base}/?view=3d&pid=${OTHER_PROJECT}&bench=1`, shared);
  const stop = new AbortController();
  const loads = Array.from({ length: SCRIPTED }, (_, k) =>
    loadAsColleague(
      base,
      LAB_PROJECT,
      scripted.filter((_, i) => i % SCRIPTED === k),
      stop.signal,
      shared,
    ),
  );
  await new Promise((r) => setTimeout(r, LATER_MS));
  const ms = await readyMs(page, await show(page, small), small.length);
  stop.abort();
  const received = (await Promise.all(loads)).reduce((a, b) => a + b, 0);
  await page.context().close();
  return { ms, received };
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
  const rows: Row[] = [];
  try {
    const lab = await labSkeletons(catmaid);
    const big = spread(lab, BIG);
    const small = (await labSkeletons(catmaid, OTHER_PROJECT)).slice(0, SMALL);
    console.log(
      `fair-share bench: ${BIG} cold lab neurons, then ${SMALL} others ${LATER_MS} ms later, at ${cost} µs/node, 2 CATMAID slots`,
    );
    const scripted = spread(lab, SCRIPTED * SCRIPTED_N);
    for (let rep = 0; rep < REPS; rep++) {
      // The small scene alone, cold: what the others' loads add to it.
      await clearServerCache(base);
      const alonePage = await openWarm(browser, `${base}/?view=3d&pid=${OTHER_PROJECT}&bench=1`);
      const aloneMs = await readyMs(alonePage, await show(alonePage, small), small.length);
      await alonePage.context().close();

      await clearServerCache(base);
      const bigPage = await openWarm(browser, `${base}/?view=3d&pid=${LAB_PROJECT}&bench=1`);
      const smallPage = await openWarm(browser, `${base}/?view=3d&pid=${OTHER_PROJECT}&bench=1`);
      const t0 = await show(bigPage, big);
      await new Promise((r) => setTimeout(r, LATER_MS));
      const t1 = await show(smallPage, small);
      const smallMs = await readyMs(smallPage, t1, small.length);
      const bigMs = await readyMs(bigPage, t0, big.length);
      await Promise.all([bigPage, smallPage].map((p) => p.context().close()));

      const among = await smallAmongScripted(browser, base, small, scripted, false);
      const oneQueue = await smallAmongScripted(browser, base, small, scripted, true);
      rows.push({
        aloneMs,
        smallMs,
        bigMs,
        amongScriptedMs: among.ms,
        scriptedReceived: among.received,
        oneQueueMs: oneQueue.ms,
        oneQueueReceived: oneQueue.received,
      });
    }
  } finally {
    await browser.close();
    app.stop();
    demo.stop();
  }
  const ms = (v: number) => v.toLocaleString('en-US');
  console.log(
    `\n${SMALL} neurons of project ${OTHER_PROJECT}, ms to the complete frame: alone; while one ` +
      `browser opens ${BIG} lab neurons (and that scene's time); while ${SCRIPTED} scripted ` +
      `colleagues load ${SCRIPTED_N} each, as four browsers and as one queue (their skeletons by then)`,
  );
  console.log('rep   alone  meanwhile  (big scene)  among scripted  one queue');
  rows.forEach((r, i) =>
    console.log(
      [
        String(i + 1).padStart(3),
        ms(r.aloneMs).padStart(7),
        ms(r.smallMs).padStart(9),
        `(${ms(r.bigMs)})`.padStart(12),
        `${ms(r.amongScriptedMs)} (${r.scriptedReceived})`.padStart(14),
        `${ms(r.oneQueueMs)} (${r.oneQueueReceived})`.padStart(10),
      ].join('  '),
    ),
  );
  mkdirSync('bench-results', { recursive: true });
  const date = new Date().toISOString();
  const file = `bench-results/fair-share-${date.slice(0, 19).replace(/[:T]/g, '-')}.json`;
  writeFileSync(
    file,
    JSON.stringify(
      {
        date,
        big: BIG,
        small: SMALL,
        scripted: SCRIPTED,
        scriptedN: SCRIPTED_N,
        costUsPerNode: Number(cost),
        rows,
      },
      null,
      2,
    ),
  );
  console.log(`wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
