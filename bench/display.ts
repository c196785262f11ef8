/**
 * `tsx bench/display.ts`: what the dashboard server's display route (server/cache/
 * serve-display.ts) costs and saves at lab scale: the demo server with the lab project
 * (DEMO_LAB's 1,000 neurons, 10.4 million nodes) as "CATMAID" in a process of its own, the
 * dashboard's API middleware with a fresh SQLite cache in this one (so the event-loop delay
 * measured is the dashboard server's alone). Prints:
 *  - derive CPU: decode + buildSkeletonPiece + displayPieceOf + packDisplay per million nodes,
 *    and the longest single skeleton (the longest the route holds the event loop);
 *  - the display answer bytes of all neurons vs the compact-detail bytes of the same flags;
 *  - cold display (fetch, keep, derive), warm display (entries), and the browser's later
 *    compact-detail through the cache (hits), each with the dashboard server's longest
 *    event-loop delay (what other browsers' requests wait at most meanwhile).
 * Env: BENCH_DISPLAY_BATCH (skeletons per request, default 100), BENCH_DISPLAY_N (default all),
 * BENCH_DISPLAY_LOG=1 (the cache's log lines), BENCH_DISPLAY_PORT (the demo's, default 7101).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { splitMsgpackBatch } from '../server/cache/msgpack-batch.ts';
import { deriveDisplay } from '../server/cache/display-derive.ts';
import { createSkeletonCache, whenWritten } from '../server/cache/skeleton-cache.ts';
import { openSqliteStore } from '../server/cache/sqlite-store.ts';
import { createApiMiddleware } from '../server/proxy/handler.ts';
import { close, listen, settingsFor } from '../server/test-servers.ts';
import { readDisplayBatch } from '../src/3d/geometry/display-pack.ts';
import { startDemo } from './serve-app.ts';

const LAB_PROJECT_ID = 3;

const FLAGS: [string, string][] = [
  ['with_connectors', 'true'],
  ['with_tags', 'true'],
  ['format', 'msgpack'],
];
const batchSize = Number(process.env.BENCH_DISPLAY_BATCH ?? 100);

const form = (ids: number[]) =>
  new URLSearchParams([
    ...ids.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
    ...FLAGS,
  ]).toString();

async function post(url: string, ids: number[]): Promise<Buffer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form(ids),
  });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

function chunks(ids: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += batchSize) out.push(ids.slice(i, i + batchSize));
  return out;
}

/** Every chunk, one request after the other: total ms, MB, longest event-loop delay (ms). */
async function timed(url: string, batches: number[][], check?: (b: Buffer) => void) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const t0 = performance.now();
  let bytes = 0;
  for (const ids of batches) {
    const body = await post(url, ids);
    check?.(body);
    bytes += body.length;
  }
  delay.disable();
  const ms = Math.round(performance.now() - t0);
  return { ms, mb: Math.round(bytes / 1e5) / 10, maxDelay: Math.round(delay.max / 1e6) };
}

const verbose = process.env.BENCH_DISPLAY_LOG === '1' ? console.log : () => undefined;
const dir = mkdtempSync(join(tmpdir(), 'bench-display-'));
const demoPort = Number(process.env.BENCH_DISPLAY_PORT ?? 7101);
const demo = await startDemo(spawn, demoPort, 1, { DEMO_LAB: '1' });
const demoUrl = `http://127.0.0.1:${demoPort}/`;
const cache = createSkeletonCache({
  store: openSqliteStore(join(dir, 'cache.sqlite'), 4096 * 1024 * 1024),
  maxBytes: 4096 * 1024 * 1024,
  log: verbose,
});
const api = createApiMiddleware(settingsFor(demoUrl), { cache });
const proxy = createServer((req, res) => api(req, res, () => res.writeHead(404).end()));
const base = `http://127.0.0.1:${await listen(proxy)}`;
try {
  const all = (await (await fetch(`${demoUrl}${LAB_PROJECT_ID}/skeletons/`)).json()) as number[];
  const ids = all.slice(0, Number(process.env.BENCH_DISPLAY_N ?? all.length));
  const batches = chunks(ids);
  const displayUrl = `${base}/api/display/${LAB_PROJECT_ID}/skeletons`;
  const detailUrl = `${base}/api/catmaid/${LAB_PROJECT_ID}/skeletons/compact-detail`;

  // Derive CPU, straight from the demo's bytes (nothing else running).
  let nodes = 0;
  let deriveMs = 0;
  let longest = 0;
  let detailBytes = 0;
  for (const batch of batches) {
    const body = await post(`${demoUrl}${LAB_PROJECT_ID}/skeletons/compact-detail`, batch);
    detailBytes += body.length;
    for (const [id, value] of splitMsgpackBatch(body) ?? []) {
      const t0 = performance.now();
      const pack = deriveDisplay(value, 'msgpack', id, '2026-01-01T00:00:00Z');
      const ms = performance.now() - t0;
      deriveMs += ms;
      longest = Math.max(longest, ms);
      nodes += new DataView(pack.buffer, pack.byteOffset).getUint32(24, true);
    }
  }
  console.log(
    `${ids.length} neurons, ${(nodes / 1e6).toFixed(2)} M nodes, compact-detail ${(detailBytes / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `derive: ${Math.round(deriveMs)} ms in all, ${Math.round((deriveMs * 1e6) / nodes)} ms per million nodes, longest skeleton ${longest.toFixed(1)} ms`,
  );

  let shown = 0;
  const cold = await timed(
    displayUrl,
    batches,
    (b) => (shown += readDisplayBatch(new Uint8Array(b).buffer).size),
  );
  await whenWritten(cache);
  const warm = await timed(displayUrl, batches);
  const full = await timed(detailUrl, batches);
  console.log(`display answers: ${cold.mb} MB for ${shown} neurons (batches of ${batchSize})`);
  const lag = (t: { maxDelay: number }) => `longest event-loop delay ${t.maxDelay} ms`;
  console.log(`cold display (fetch, keep, derive): ${cold.ms} ms, ${lag(cold)}`);
  console.log(`warm display (display entries): ${warm.ms} ms, ${warm.mb} MB, ${lag(warm)}`);
  console.log(`browser's full load after it (hits): ${full.ms} ms, ${full.mb} MB, ${lag(full)}`);
  console.log(`cache counters: ${JSON.stringify(cache.counters)}`);
} finally {
  await close(proxy);
  demo.stop();
  await whenWritten(cache);
  await cache.store?.close();
  rmSync(dir, { recursive: true, force: true });
}
