/** Starts `server/serve.ts` (built app + proxy + demo server child at DEMO_SCALE) for the bench. */
import type { ChildProcess, spawn as spawnFn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunningApp {
  /** The server process (its demo-server child is a descendant). */
  pid: number;
  stop(): void;
}

/**
 * The server runs at a lower CPU priority (BENCH_SERVER_NICE, default 10; 0 = same as the
 * browser): it stands in for a CATMAID server, which normally runs on another machine, so it
 * should not take CPU time from the browser it is measuring.
 */
export function startApp(spawn: typeof spawnFn, port: number, scale: number): Promise<RunningApp> {
  const nice = Number(process.env.BENCH_SERVER_NICE ?? 10);
  const node = [process.execPath, '--import', 'tsx', 'server/serve.ts'];
  const [command, ...args] = nice > 0 ? ['nice', '-n', String(nice), ...node] : node;
  const child: ChildProcess = spawn(command ?? 'node', args, {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CATMAID_URL: '',
      CATMAID_TOKEN: '',
      DEMO_SCALE: String(scale),
    },
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
      if (line.includes('CATMAID Dashboard serving')) resolve({ pid: child.pid ?? -1, stop });
    });
    child.once('exit', (code) =>
      reject(new Error(`server/serve.ts exited (${code}) before it was ready`)),
    );
  });
}
