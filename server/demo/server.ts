/**
 * The embedded, read-only, CATMAID-compatible demo server (plain node:http). Serves the API at
 * the root of http://HOST:PORT/ from generated (or cached) synthetic data.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadOrGenerate, defaultCacheDir } from './data/cache.ts';
import { createWorkerPool, requestCostMs, type CostModel } from './cost.ts';
import { appendFragments } from './data/fragments.ts';
import { LAB_PROJECT_ID, loadOrGenerateLab } from './data/lab.ts';
import { ProjectIndex } from './data/project-index.ts';
import { dispatch, type Incoming, type Outcome } from './dispatch.ts';
import { Params } from './http/params.ts';
import type { DemoStore } from './http/types.ts';

export interface DemoServerOptions {
  port?: number;
  host?: string;
  scale?: number;
  seed?: number;
  log?: (line: string) => void;
  /** When set, a request with a different X-Authorization token gets 401. */
  token?: string;
  /** Directory of the generated-data cache; null disables it. */
  cacheDir?: string | null;
  /** Extra small fragment skeletons in project 1 (benchmarks of big tables); default 0. */
  fragments?: number;
  /** Adds project 3, "Demo lab": 1,000 neurons, > 10 million nodes (data/lab.ts). */
  lab?: boolean;
  /** CATMAID-like server time per node, modelled with a fixed worker count (cost.ts). */
  cost?: CostModel | null;
}

interface RequestRecord {
  method: string;
  path: string;
  status: number;
}

export interface DemoServer {
  url: string;
  port: number;
  store: DemoStore;
  close(): Promise<void>;
  requestCount(): number;
  requests(): RequestRecord[];
}

export function buildStore(
  seed: number,
  scale: number,
  cacheDir: string | null,
  log: (line: string) => void,
  fragments = 0,
  lab = false,
): DemoStore {
  const loaded = loadOrGenerate(seed, scale, cacheDir);
  const t0 = performance.now();
  const [first, ...rest] = loaded.data.projects;
  if (first && fragments > 0)
    loaded.data.projects = [appendFragments(first, fragments, seed), ...rest];
  if (lab) {
    const l = loadOrGenerateLab(seed, loaded.data.users, cacheDir);
    loaded.data.projects = [...loaded.data.projects, l.project];
    log(
      `demo lab project ${l.source === 'cache' ? 'loaded from cache' : 'generated'} in ${Math.round(l.ms)} ms: ${l.project.meta.neurons.length} neurons, ${l.project.arrays.parent.length} nodes in project ${LAB_PROJECT_ID}`,
    );
  }
  const projects = new Map<number, ProjectIndex>();
  for (const p of loaded.data.projects)
    projects.set(p.meta.id, new ProjectIndex(p, loaded.data.users));
  const p1 = loaded.data.projects[0];
  const counts = p1
    ? `${p1.meta.neurons.length} neurons, ${p1.arrays.parent.length} nodes, ${p1.arrays.cx.length} connectors in project 1`
    : '';
  log(
    `demo data (seed ${seed}, scale ${scale}) ${loaded.source === 'cache' ? 'loaded from cache' : 'generated'} in ${Math.round(loaded.ms)} ms, indexed in ${Math.round(performance.now() - t0)} ms: ${counts}`,
  );
  return { users: loaded.data.users, projects };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, out: Outcome): void {
  res.writeHead(out.status, {
    'Content-Type': out.contentType,
    'Content-Length': Buffer.byteLength(out.body),
    ...out.headers,
  });
  res.end(out.body);
}

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const log = opts.log ?? (() => undefined);
  const store = buildStore(
    opts.seed ?? 1,
    opts.scale ?? 1,
    opts.cacheDir === undefined ? defaultCacheDir : opts.cacheDir,
    log,
    opts.fragments ?? 0,
    opts.lab ?? false,
  );
  const workers = opts.cost ? createWorkerPool(opts.cost.workers) : null;
  const records: RequestRecord[] = [];
  let baseUrl = '';
  const server = createServer((req, res) => {
    const t0 = performance.now();
    const url = new URL(req.url ?? '/', 'http://demo');
    const method = req.method ?? 'GET';
    readBody(req)
      .then((body) => {
        const form = (req.headers['content-type'] ?? '').includes(
          'application/x-www-form-urlencoded',
        );
        const bodyParams =
          method === 'POST' && form
            ? Params.fromSearch(new URLSearchParams(body.toString('utf8')))
            : new Params([]);
        const auth =
          /^Token\s+(\S+)/i.exec(String(req.headers['x-authorization'] ?? ''))?.[1] ?? null;
        const inc: Incoming = {
          method,
          path: url.pathname,
          query: Params.fromSearch(url.searchParams),
          body: bodyParams,
          token: auth,
          expectedToken: opts.token ?? null,
          store,
          baseUrl,
        };
        return workers && opts.cost
          ? workers.run(() => dispatch(inc), requestCostMs(inc, opts.cost.usPerNode))
          : dispatch(inc);
      })
      .catch((e: unknown) => ({
        status: 500,
        contentType: 'text/plain',
        body: `demo server error: ${String(e)}`,
        headers: {},
      }))
      .then((out) => {
        send(res, out);
        records.push({ method, path: url.pathname, status: out.status });
        log(
          `${method} ${url.pathname}${url.search} ${out.status} ${Math.round(performance.now() - t0)}ms`,
        );
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host ?? '127.0.0.1';
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  return {
    url: baseUrl,
    port,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    requestCount: () => records.length,
    requests: () => records.slice(),
  };
}
