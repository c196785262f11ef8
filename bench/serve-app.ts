/** Starts `server/serve.ts` (built app + proxy + demo server child at DEMO_SCALE) for the bench. */
import type { ChildProcess, spawn as spawnFn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunningApp {
  /** The server process (its demo-server child is a descendant). */
  pid: number;
  stop(): void;
}

export function startApp(spawn: typeof spawnFn, port: number, scale: number): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts'], {
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
