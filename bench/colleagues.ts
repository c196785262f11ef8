/**
 * `npm run bench` (colleagues part): a lab shares one dashboard server, and colleagues open the
 * same cold scene at the same moment (a link posted in the lab's chat). Against the demo lab
 * project at CATMAID-like cost, N neurons are opened first in one fresh browser profile, then in
 * K fresh profiles at once (server cache cleared before each), and the bench counts what CATMAID
 * had to build: compact-detail requests and the skeletons they named (a pass-through between the
 * dashboard server and the demo server counts them), its `skeletons/summary` requests (the
 * freshness checks: one per burst of a view's requests), and CATMAID's CPU seconds. With the shared
 * cache asking CATMAID once for requests that arrive together, K colleagues should cost CATMAID
 * what one costs. Also prints each profile's time to its first complete frame (all K share this
 * machine's two cores and one software GPU, so these grow with K; on their own machines they
 * would not).
 *
 * Env: BENCH_COLLEAGUES (K, default 4; 0 skips), BENCH_COLLEAGUES_N (default 100),
 * BENCH_COLLEAGUES_COST (µs per node, default 2.7), DEMO_WORKERS (4), BENCH_COLLEAGUES_PORT
 * (4530 and the next two). Needs `npm run build`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from './chromium.ts';
import { clearServerCache, LAB_PROJECT, labSkeletons, spread } from './lab-scene.ts';
import { treeCpuSeconds } from './cpu.ts';
import { openWarm, readyMs } from './scene-pages.ts';
import { startApp, startDemo } from './serve-app.ts';

const K = Number(process.env.BENCH_COLLEAGUES ?? 4);
const N = Number(process.env.BENCH_COLLEAGUES_N ?? 100);
const cost = process.env.BENCH_COLLEAGUES_COST ?? '2.7';
const port = Number(process.env.BENCH_COLLEAGUES_PORT ?? 4530);

interface Tally {
  requests: number;
  skeletons: number;
  summaries: number;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Passes everything to `target`, counting compact-detail requests, the skeletons they name and
 * the freshness checks (`skeletons/summary`).
 */
async function countingPassThrough(target: URL): Promise<{ url: string; tally: Tally }> {
  const tally: Tally = { requests: 0, skeletons: 0, summaries: 0 };
  const server = createServer((req, res) => {
    void body(req).then((buf) => {
      const path = (req.url ?? '/').split('?')[0] ?? '';
      if (path.endsWith('/skeletons/summary')) tally.summaries++;
      if (path.endsWith('/compact-detail')) {
        tally.requests++;
        const form = new URLSearchParams(
          req.method === 'POST' ? buf.toString('utf8') : (req.url ?? '').split('?')[1],
        );
        const ids = [...form.keys()].filter((k) => k.startsWith('skeleton_ids'));
        tally.skeletons += path.includes('/skeletons/compact-detail') ? ids.length : 1;
      }
      const up = request(
        {
          host: target.hostname,
          port: target.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      up.end(buf);
    });
  });
  await new Promise<void>((r) => server.listen(port + 1, '127.0.0.1', r));
  server.unref();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tally };
}

interface Row {
  colleagues: number;
  readyMs: number[];
  catmaidRequests: number;
  catmaidSkeletons: number;
  catmaidSummaries: number;
  catmaidCpu: number;
}

async function main() {
  if (!(K > 0) || !(N > 0)) return;
  const demo = await startDemo(spawn, port + 2, 1, {
    DEMO_LAB: '1',
    DEMO_COST_US_PER_NODE: cost,
    DEMO_WORKERS: process.env.DEMO_WORKERS ?? '4',
  });
  const counter = await countingPassThrough(new URL(`http://127.0.0.1:${port + 2}`));
  const app = await startApp(spawn, port, 1, { CATMAID_URL: counter.url });
  const base = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  const rows: Row[] = [];
  try {
    const ids = spread(await labSkeletons(counter.url), N);
    console.log(
      `colleagues bench: N = ${N} neurons at ${cost} µs/node, 1 then ${K} profiles at once`,
    );
    for (const k of [1, K]) {
      await clearServerCache(base);
      const pages = await Promise.all(
        Array.from({ length: k }, () =>
          openWarm(browser, `${base}/?view=3d&pid=${LAB_PROJECT}&bench=1`),
        ),
      );
      counter.tally.requests = 0;
      counter.tally.skeletons = 0;
      counter.tally.summaries = 0;
      const cpu0 = treeCpuSeconds(demo.pid);
      const starts = await Promise.all(
        pages.map((p) =>
          p.evaluate((list) => window.__catmaidDashboard?.selectSkeletons(list) ?? 0, ids),
        ),
      );
      const ready = await Promise.all(pages.map((p, i) => readyMs(p, starts[i] ?? 0, N)));
      rows.push({
        colleagues: k,
        readyMs: ready,
        catmaidRequests: counter.tally.requests,
        catmaidSkeletons: counter.tally.skeletons,
        catmaidSummaries: counter.tally.summaries,
        catmaidCpu: Math.round((treeCpuSeconds(demo.pid) - cpu0) * 10) / 10,
      });
      await Promise.all(pages.map((p) => p.context().close()));
    }
  } finally {
    await browser.close();
    app.stop();
    demo.stop();
  }
  console.log(
    '\ncolleagues  N  first complete frame ms (each)  CATMAID compact-detail requests  skeletons CATMAID built  CATMAID summaries  CATMAID CPU s',
  );
  for (const r of rows)
    console.log(
      `${String(r.colleagues).padStart(10)}  ${N}  ${r.readyMs
        .map((v) => v.toLocaleString('en-US'))
        .join(', ')
        .padStart(
          29,
        )}  ${String(r.catmaidRequests).padStart(31)}  ${String(r.catmaidSkeletons).padStart(23)}  ${String(r.catmaidSummaries).padStart(17)}  ${String(r.catmaidCpu).padStart(13)}`,
    );
  mkdirSync('bench-results', { recursive: true });
  const date = new Date().toISOString();
  const file = `bench-results/colleagues-${date.slice(0, 19).replace(/[:T]/g, '-')}.json`;
  writeFileSync(
    file,
    JSON.stringify({ date, neurons: N, costUsPerNode: Number(cost), rows }, null, 2),
  );
  console.log(`wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
