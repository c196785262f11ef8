/**
 * The cost knob: makes the demo server as slow as a real CATMAID where it matters, so the
 * benchmark's data floor is realistic. A real CATMAID spends about 2.7 µs of server time per node
 * of a compact-detail answer with connectors and tags, about half without (measured against a
 * 2021.12 server, issue 14), and serves requests with a fixed number of worker processes
 * (gunicorn/uwsgi): a request waits for a free worker, then holds it for its whole cost.
 *
 * The time is spent sleeping, not computing: the bench machine's two cores are shared with the
 * browser being measured, and a real CATMAID runs on another machine. Burning CPU here would slow
 * the browser down and measure the wrong thing; a sleeping worker slot delays answers exactly as a
 * busy remote server does, and concurrency beyond `workers` queues as it would there.
 *
 * Env (server/demo/main.ts): DEMO_COST_US_PER_NODE (e.g. 2.7; 0 or unset = off) and
 * DEMO_WORKERS (default 4).
 */
import type { Incoming } from './dispatch.ts';

export interface CostModel {
  /** Server time per node of compact-detail with connectors or tags; half without. */
  usPerNode: number;
  workers: number;
}

export function costModelFromEnv(env: NodeJS.ProcessEnv): CostModel | null {
  const us = Number(env.DEMO_COST_US_PER_NODE ?? 0);
  if (!Number.isFinite(us) || us <= 0) return null;
  const workers = Math.max(1, Math.round(Number(env.DEMO_WORKERS ?? 4)) || 4);
  return { usPerNode: us, workers };
}

const ONE = /^\/(\d+)\/skeletons\/(\d+)\/compact-detail\/?$/;
const BATCH = /^\/(\d+)\/skeletons\/compact-detail\/?$/;

/** Milliseconds of modelled server time for one request (only compact-detail has a cost). */
export function requestCostMs(inc: Incoming, usPerNode: number): number {
  const one = ONE.exec(inc.path);
  const batch = one ? null : BATCH.exec(inc.path);
  const match = one ?? batch;
  if (!match) return 0;
  const project = inc.store.projects.get(Number(match[1]));
  if (!project) return 0;
  const params = inc.method === 'POST' ? inc.body : inc.query;
  const ids = one ? [Number(one[2])] : (params.intList('skeleton_ids') ?? []);
  let nodes = 0;
  for (const id of new Set(ids)) {
    const s = project.skelById.get(id);
    if (s === undefined) continue;
    const [from, to] = project.nodeRange(s);
    nodes += to - from;
  }
  const full = params.bool('with_connectors') || params.bool('with_tags');
  return (nodes * usPerNode * (full ? 1 : 0.5)) / 1000;
}

export interface WorkerPool {
  /** Runs `work` in a free worker slot, holding the slot at least `costMs` in total. */
  run<T>(work: () => T, costMs: number): Promise<T>;
  /** Requests waiting for a slot (for tests). */
  waiting(): number;
}

export function createWorkerPool(
  workers: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => number = () => performance.now(),
): WorkerPool {
  let busy = 0;
  const queue: (() => void)[] = [];
  const acquire = (): Promise<void> => {
    if (busy < workers) {
      busy++;
      return Promise.resolve();
    }
    return new Promise((resolve) => queue.push(resolve));
  };
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else busy--;
  };
  return {
    async run(work, costMs) {
      await acquire();
      try {
        const t0 = now();
        const result = work();
        const left = costMs - (now() - t0);
        if (left > 0) await sleep(left);
        return result;
      } finally {
        release();
      }
    },
    waiting: () => queue.length,
  };
}
