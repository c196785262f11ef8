/**
 * The commands of `npm run cache -- …` (cli.ts), apart from the process so tests run them:
 *   stats | clear            the store named by the environment (CACHE, CACHE_DIR, CACHE_URL, …)
 *   warm --project P …       a running dashboard server's cache, through the server (warm.ts)
 * Prints JSON on stdout, progress and errors on stderr; returns the exit code (0 done, 1 some
 * skeletons failed or the run failed, 2 usage).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openStore, readCacheConfig } from './skeleton-cache.ts';
import { warmCache, WarmInputError, type WarmOptions } from './warm.ts';

const USAGE = `usage: npm run cache -- stats|clear
       npm run cache -- warm --project ID [--skeletons 1,2,3] [--skeletons-file FILE]
                        [--annotation NAME]... [--server URL] [--concurrency N]`;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  /** For tests: the pause before retrying a failed request (default 500 ms, doubling). */
  retryBaseMs?: number;
}

function skeletonId(token: string, where: string): number {
  const n = Number(token);
  if (token === '' || !Number.isInteger(n) || n <= 0)
    throw new WarmInputError(`not a skeleton id: "${token}"${where}`);
  return n;
}

/** `--skeletons`: ids separated by commas or spaces. */
export function parseIdList(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter((t) => t !== '')
    .map((t) => skeletonId(t, ''));
}

/**
 * `--skeletons-file`: one id per line, or a CSV (or TSV) whose first column is the skeleton id,
 * such as the selection's export; a first line that is not an id is its header.
 */
export function parseIdFile(text: string, name: string): number[] {
  const ids: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const first = (line.split(/[,;\t]/)[0] ?? '').trim().replace(/^"(.*)"$/, '$1');
    if (first === '' || (i === 0 && !/^\d+$/.test(first))) return;
    ids.push(skeletonId(first, ` (${name}, line ${i + 1})`));
  });
  return ids;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new WarmInputError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function parseWarmArgs(args: string[], env: NodeJS.ProcessEnv): WarmOptions {
  const { values } = parseArgs({
    args,
    options: {
      project: { type: 'string' },
      skeletons: { type: 'string', multiple: true },
      'skeletons-file': { type: 'string', multiple: true },
      annotation: { type: 'string', multiple: true },
      server: { type: 'string' },
      concurrency: { type: 'string' },
    },
    strict: true,
  });
  const projectId = Number(values.project);
  if (values.project === undefined || !Number.isInteger(projectId) || projectId <= 0)
    throw new WarmInputError('--project needs a project id');
  const skeletonIds = [
    ...(values.skeletons ?? []).flatMap(parseIdList),
    ...(values['skeletons-file'] ?? []).flatMap((f) => parseIdFile(readText(f), f)),
  ];
  const annotations = (values.annotation ?? []).map((a) => a.trim()).filter((a) => a !== '');
  if (skeletonIds.length === 0 && annotations.length === 0)
    throw new WarmInputError('nothing to warm: give --skeletons, --skeletons-file or --annotation');
  const concurrency = values.concurrency === undefined ? 2 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
    throw new WarmInputError('--concurrency is a number from 1 to 16');
  const server =
    values.server ?? env.DASHBOARD_URL ?? `http://127.0.0.1:${env.PORT?.trim() || '8080'}`;
  if (!/^https?:\/\//.test(server))
    throw new WarmInputError(`--server is the dashboard server's address, got "${server}"`);
  return { server, projectId, skeletonIds, annotations, concurrency };
}

async function warm(args: string[], io: CliIo): Promise<number> {
  const options = parseWarmArgs(args, io.env);
  let lastReport = 0;
  const result = await warmCache({
    ...options,
    ...(io.retryBaseMs === undefined ? {} : { retryBaseMs: io.retryBaseMs }),
    onProgress: ({ done, total }) => {
      const now = performance.now();
      if (done < total && now - lastReport < 1000) return;
      lastReport = now;
      io.err(`warm: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} skeletons`);
    },
  });
  const failedIds = result.failed.flatMap((f) => f.skeletonIds);
  const c = result.cache;
  if (c && c.maxBytes > 0 && c.bytes > 0.9 * c.maxBytes) {
    const mb = (b: number) => Math.round(b / 2 ** 20).toLocaleString('en-US');
    io.err(
      `warm: the server's cache is nearly full (${mb(c.bytes)} of ${mb(c.maxBytes)} MB): ` +
        'the least recently used entries are being evicted; raise CACHE_MAX_MB to keep them all',
    );
  }
  io.out(
    JSON.stringify({
      server: options.server,
      project: options.projectId,
      requested: result.requested,
      warmed: result.warmed,
      missing: result.missing,
      failed: failedIds,
      errors: [...new Set(result.failed.map((f) => f.error))],
      cache: c && { entries: c.entries, bytes: c.bytes, maxBytes: c.maxBytes },
      seconds: Math.round(result.ms / 100) / 10,
    }),
  );
  return failedIds.length > 0 ? 1 : 0;
}

async function storeCommand(command: 'stats' | 'clear', io: CliIo): Promise<number> {
  const config = readCacheConfig(io.env);
  const store = await openStore(config);
  if (!store) {
    const none = command === 'stats' ? { backend: 'off', entries: 0, bytes: 0 } : { cleared: 0 };
    io.out(JSON.stringify(none));
    return 0;
  }
  try {
    if (command === 'stats') {
      const where = config.backend === 'sqlite' ? { file: config.location } : {};
      io.out(JSON.stringify({ ...(await store.stats()), ...where }));
    } else {
      io.out(JSON.stringify({ cleared: await store.clear() }));
    }
  } finally {
    await store.close();
  }
  return 0;
}

export async function runCacheCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if ((command === 'stats' || command === 'clear') && rest.length === 0)
      return await storeCommand(command, io);
    if (command === 'warm') return await warm(rest, io);
  } catch (e) {
    const usage =
      e instanceof WarmInputError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(e instanceof Error ? e.message : String(e));
    if (usage) io.err(USAGE);
    return usage ? 2 : 1;
  }
  io.err(USAGE);
  return 2;
}
