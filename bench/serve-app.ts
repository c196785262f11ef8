/**
 * Starts `server/serve.ts` (built app + proxy + demo server child at DEMO_SCALE) for the bench,
 * or a demo server alone (for the fault section, where a fault proxy stands between the two).
 */
import type { ChildProcess, spawn as spawnFn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningApp {
  /** The server process (its demo-server child is a descendant). */
  pid: number;
  stop(): void;
}

/**
 * The servers run at a lower CPU priority (BENCH_SERVER_NICE, default 10; 0 = same as the
 * browser): they stand in for a CATMAID server, which normally runs on another machine, so they
 * should not take CPU time from the browser being measured.
 */
function startScript(
  spawn: typeof spawnFn,
  script: string[],
  env: Record<string, string>,
  readyLine: string,
): Promise<RunningApp> {
  const nice = Number(process.env.BENCH_SERVER_NICE ?? 10);
  const node = [process.execPath, '--import', 'tsx', ...script];
  const [command, ...args] = nice > 0 ? ['nice', '-n', String(nice), ...node] : node;
  const child: ChildProcess = spawn(command ?? 'node', args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  return new Promise((resolve, reject) => {
    const out = child.stdout;
    if (!out) return reject(new Error('no stdout'));
    createInterface({ input: out }).on('line', (line) => {
      if (line.startsWith('[demo]')) console.log(`  ${line}`);
      if (line.includes(readyLine)) resolve({ pid: child.pid ?? -1, stop });
    });
    child.once('exit', (code) =>
      reject(new Error(`${script[0]} exited (${code}) before it was ready`)),
    );
  });
}

export async function startApp(
  spawn: typeof spawnFn,
  port: number,
  scale: number,
  /** Overrides, e.g. CATMAID_URL of a fault proxy instead of the embedded demo server. */
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const base = {
    PORT: String(port),
    HOST: '127.0.0.1',
    CATMAID_URL: '',
    CATMAID_TOKEN: '',
    DEMO_SCALE: String(scale),
  };
  // Every bench server starts with an empty skeleton cache of its own (cold means cold), removed
  // when it stops; a caller measuring a warm server cache passes its own CACHE_DIR in `env`.
  const cacheDir = env.CACHE_DIR ? undefined : mkdtempSync(join(tmpdir(), 'bench-skeleton-cache-'));
  const app = await startScript(
    spawn,
    ['server/serve.ts'],
    { ...base, ...(cacheDir ? { CACHE_DIR: cacheDir } : {}), ...env },
    'CATMAID Dashboard serving',
  );
  if (!cacheDir) return app;
  return {
    pid: app.pid,
    stop: () => {
      app.stop();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

export function startDemo(
  spawn: typeof spawnFn,
  port: number,
  scale: number,
  /** e.g. DEMO_LAB, DEMO_COST_US_PER_NODE, DEMO_WORKERS */
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const script = ['server/demo/main.ts', '--port', String(port), '--scale', String(scale)];
  return startScript(spawn, script, env, 'CATMAID demo server listening');
}
