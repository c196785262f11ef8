/**
 * `npm run bench` (load section): LOAD_CLIENTS concurrent clients (default 50) for LOAD_SECONDS
 * (default 30) against the built app through the proxy (`server/serve.ts` with the embedded demo
 * server), each sending one request after the other over keep-alive connections: a mix of API
 * reads the app makes (config, projects, compact-detail, neuron names, annotations, node counts)
 * and static files. Reports throughput, p50/p99 latency, errors, and the proxy's RSS before, at
 * peak and 5 s after. Loopback only; plain node:http. Writes bench-results/load-<date>.json.
 *
 * Env: LOAD_CLIENTS, LOAD_SECONDS, LOAD_PORT (default 4510), DEMO_SCALE (default 1),
 * BENCH_SERVER_NICE (see serve-app.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { startApp } from './serve-app.ts';

const clients = Number(process.env.LOAD_CLIENTS ?? 50);
const seconds = Number(process.env.LOAD_SECONDS ?? 30);
const port = Number(process.env.LOAD_PORT ?? 4510);
const scale = Number(process.env.DEMO_SCALE ?? 1);
const agent = new Agent({ keepAlive: true, maxSockets: clients });

interface Answer {
  status: number;
  body: Buffer;
}

function send(method: 'GET' | 'POST', path: string, form?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: form
          ? {
              'content-type': 'application/x-www-form-urlencoded',
              'content-length': Buffer.byteLength(form),
            }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(form);
  });
}

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kB / 1024);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

type Call = () => Promise<Answer>;

function mix(pid: number, skeletons: number[]): { name: string; weight: number; call: Call }[] {
  const some = (n: number) =>
    Array.from({ length: n }, () => skeletons[Math.floor(Math.random() * skeletons.length)] ?? 1);
  const form = (name: string, ids: number[]) => ids.map((id, i) => `${name}[${i}]=${id}`).join('&');
  const api = `/api/catmaid/${pid}`;
  return [
    { name: 'config', weight: 10, call: () => send('GET', '/api/config') },
    { name: 'projects', weight: 10, call: () => send('GET', '/api/catmaid/projects/') },
    {
      name: 'compact-detail',
      weight: 25,
      call: () =>
        send(
          'GET',
          `${api}/skeletons/${some(1)[0]}/compact-detail?with_connectors=true&with_tags=true`,
        ),
    },
    {
      name: 'neuronnames',
      weight: 20,
      call: () => send('POST', `${api}/skeleton/neuronnames`, form('skids', some(50))),
    },
    {
      name: 'annotations',
      weight: 10,
      call: () => send('POST', `${api}/annotations/forskeletons`, form('skeleton_ids', some(20))),
    },
    { name: 'nodecount', weight: 5, call: () => send('GET', `${api}/stats/nodecount`) },
    {
      name: 'static',
      weight: 20,
      call: () => send('GET', Math.random() < 0.5 ? '/' : '/favicon.svg'),
    },
  ];
}

async function main() {
  if (!existsSync('dist/index.html')) throw new Error('no build: run `npm run build` first');
  console.log(`Load: ${clients} clients × ${seconds} s through the proxy (DEMO_SCALE=${scale})`);
  const app = await startApp(spawn, port, scale);
  try {
    const projects = JSON.parse((await send('GET', '/api/catmaid/projects/')).body.toString()) as {
      id: number;
    }[];
    const pid = projects[0]?.id ?? 1;
    const listed = await send('GET', `/api/catmaid/${pid}/skeletons/`);
    const skeletons = (JSON.parse(listed.body.toString()) as number[]).slice(0, 2000);
    const calls = mix(pid, skeletons);
    const totalWeight = calls.reduce((s, c) => s + c.weight, 0);
    const pickCall = () => {
      let r = Math.random() * totalWeight;
      for (const c of calls) if ((r -= c.weight) < 0) return c;
      return calls[0] ?? { name: 'none', weight: 0, call: () => send('GET', '/') };
    };
    // Warm up (JIT, the demo's caches), then measure from a quiet state.
    for (const c of calls) await c.call();
    await new Promise((r) => setTimeout(r, 1000));
    const rssBefore = rssMB(app.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMB(app.pid));
    }, 200);

    const latencies: number[] = [];
    const errors = new Map<string, number>();
    const byKind = new Map<string, number[]>();
    const end = Date.now() + seconds * 1000;
    const client = async () => {
      while (Date.now() < end) {
        const c = pickCall();
        const t0 = performance.now();
        let outcome: string | null = null;
        try {
          const { status } = await c.call();
          if (status >= 400) outcome = `${c.name} ${status}`;
        } catch (err) {
          outcome = `${c.name} ${err instanceof Error ? err.message : String(err)}`;
        }
        latencies.push(performance.now() - t0);
        const own = byKind.get(c.name) ?? [];
        own.push(performance.now() - t0);
        byKind.set(c.name, own);
        if (outcome) errors.set(outcome, (errors.get(outcome) ?? 0) + 1);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, client));
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, rssMB(app.pid));
    agent.destroy();
    await new Promise((r) => setTimeout(r, 5000));
    const rssAfter = rssMB(app.pid);

    latencies.sort((a, b) => a - b);
    const errorCount = [...errors.values()].reduce((s, n) => s + n, 0);
    const result = {
      date: new Date().toISOString(),
      clients,
      seconds: Math.round(elapsed * 10) / 10,
      requests: latencies.length,
      requestsPerSecond: Math.round(latencies.length / elapsed),
      p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
      p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
      errors: errorCount,
      errorKinds: Object.fromEntries(errors),
      /** Requests and median latency (ms) per kind: the static and config rows never reach CATMAID. */
      mix: Object.fromEntries(
        [...byKind].map(([name, ms]) => {
          ms.sort((a, b) => a - b);
          return [name, { requests: ms.length, p50Ms: Math.round(percentile(ms, 50) * 10) / 10 }];
        }),
      ),
      proxyRssMB: { before: rssBefore, peak: rssPeak, after: rssAfter },
    };
    console.log(
      `  ${result.requests} requests in ${result.seconds} s: ${result.requestsPerSecond} req/s, ` +
        `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${errorCount} errors`,
    );
    console.log(
      `  proxy RSS: ${rssBefore} MB before, ${rssPeak} MB at peak, ${rssAfter} MB 5 s after`,
    );
    console.log('  per kind:', result.mix);
    if (errorCount > 0) console.log('  errors:', result.errorKinds);
    mkdirSync('bench-results', { recursive: true });
    const file = `bench-results/load-${result.date.slice(0, 19).replace(/[:T]/g, '-')}.json`;
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(`  wrote ${file}`);
  } finally {
    app.stop();
  }
}

await main();
