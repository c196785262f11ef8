/**
 * Decides which CATMAID the dashboard talks to: the one named by CATMAID_URL, or else the
 * embedded demo server, started here as a child process (its CPU-heavy answers then never stall
 * the process that serves the app).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readEnvSettings, type UpstreamSettings } from './env.ts';

const demoMain = fileURLToPath(new URL('../demo/main.ts', import.meta.url));
const READY_LINE = /listening on (http:\/\/\S+)/;

export interface Upstream {
  settings: UpstreamSettings;
  stop(): void;
}

export interface UpstreamOptions {
  /** Print the demo server's request log lines (default: only its first lines). */
  logDemoRequests?: boolean;
  log?: (line: string) => void;
}

function startDemoChild(options: UpstreamOptions): Promise<{ url: URL; child: ChildProcess }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', demoMain, '--port', '0', '--host', '127.0.0.1'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    },
  );
  const stdout = child.stdout;
  if (!stdout) throw new Error('the demo server has no stdout pipe');
  return new Promise((resolve, reject) => {
    let ready = false;
    const lines = createInterface({ input: stdout });
    lines.on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (!ready && match?.[1]) {
        ready = true;
        log(`[demo] ${line}`);
        resolve({ url: new URL(match[1]), child });
      } else if (!ready || options.logDemoRequests) {
        log(`[demo] ${line}`);
      }
    });
    child.once('exit', (code) => {
      if (!ready) reject(new Error(`the demo server exited (code ${code}) before it was ready`));
    });
  });
}

export async function resolveUpstream(
  env: NodeJS.ProcessEnv,
  options: UpstreamOptions = {},
): Promise<Upstream> {
  const fromEnv = readEnvSettings(env);
  if (fromEnv.catmaidUrl) {
    return {
      settings: { ...fromEnv, url: fromEnv.catmaidUrl, isDemo: false },
      stop: () => undefined,
    };
  }
  const { url, child } = await startDemoChild(options);
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  return {
    settings: { ...fromEnv, url, isDemo: true, token: env.DEMO_TOKEN?.trim() || fromEnv.token },
    stop,
  };
}
