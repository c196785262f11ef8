/**
 * The shared skeleton cache of one dashboard server: its store (or none when `CACHE=off`), the
 * hit/miss/stale counters since start, and the log line per cached request. Opened from the
 * environment by the two entry points (`npm run serve`, the Vite plugin) and the CLI.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createBurstEditions, type BurstEditions } from './burst-editions.ts';
import { InFlight } from './in-flight.ts';
import { openRedisStore } from './redis-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { CacheStore } from './store.ts';
import { WriteBehind, writeBehindBytes } from './write-behind.ts';

const DEFAULT_MAX_MB = 4096;
const CACHE_FILE = 'skeletons.sqlite';

export interface CacheCounters {
  hits: number;
  misses: number;
  stale: number;
  gone: number;
}

export interface SkeletonCache {
  backend: 'sqlite' | 'redis' | 'off';
  store: CacheStore | null;
  maxBytes: number;
  counters: CacheCounters;
  log: (line: string) => void;
  /** Writes still running after their answer went out (see `whenWritten`). */
  pending: Set<Promise<void>>;
  /** Skeletons being fetched right now, so concurrent requests for them ask CATMAID once. */
  inFlight: InFlight;
  /** Writes of big answers wait while the server is answering (write-behind.ts). */
  writes: WriteBehind;
  /** Edition times asked once per burst of display requests (burst-editions.ts). */
  burstEditions: BurstEditions;
}

/**
 * Resolves once every store write started so far has ended, deferred ones run at once (before
 * closing, and in tests).
 */
export async function whenWritten(cache: SkeletonCache): Promise<void> {
  await cache.writes.flush();
  while (cache.pending.size > 0) await Promise.all(cache.pending);
}

/**
 * Empties the store, with the answers still waiting to be written (write-behind.ts) dropped and
 * the writes already running ended first, so nothing cleared comes back after the clear. Returns
 * the entries removed.
 */
export async function clearCache(cache: SkeletonCache): Promise<number> {
  cache.writes.discard();
  await whenWritten(cache);
  return cache.store ? await cache.store.clear() : 0;
}

/** Waits for pending writes, then closes the store. */
export async function closeCache(cache: SkeletonCache): Promise<void> {
  await whenWritten(cache);
  await cache.store?.close();
}

export interface CacheStats {
  backend: 'sqlite' | 'redis' | 'off';
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  stale: number;
}

export function createSkeletonCache(options: {
  store: CacheStore | null;
  backend?: 'sqlite' | 'redis';
  maxBytes: number;
  log?: (line: string) => void;
  /** What deferred writes may hold in memory (write-behind.ts); default 0: write at once. */
  writeBehindBytes?: number;
}): SkeletonCache {
  const { store } = options;
  return {
    backend: store ? (options.backend ?? 'sqlite') : 'off',
    store,
    maxBytes: options.maxBytes,
    counters: { hits: 0, misses: 0, stale: 0, gone: 0 },
    log: options.log ?? ((line) => console.log(line)),
    pending: new Set(),
    inFlight: new InFlight(),
    writes: new WriteBehind(options.writeBehindBytes ?? 0),
    burstEditions: createBurstEditions(() => performance.now()),
  };
}

export async function cacheStats(cache: SkeletonCache): Promise<CacheStats> {
  const { hits, misses, stale } = cache.counters;
  if (!cache.store)
    return { backend: 'off', entries: 0, bytes: 0, maxBytes: 0, hits, misses, stale };
  const s = await cache.store.stats();
  return { ...s, hits, misses, stale };
}

function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME?.trim();
  return join(xdg || join(homedir(), '.cache'), 'catmaid-dashboard');
}

export interface CacheConfig {
  backend: 'sqlite' | 'redis' | 'off';
  /** The SQLite file, or the Redis URL. */
  location: string;
  maxBytes: number;
  redisPrefix: string | undefined;
  writeBehindBytes: number;
}

export function readCacheConfig(env: NodeJS.ProcessEnv): CacheConfig {
  const rawMax = env.CACHE_MAX_MB?.trim();
  const maxMb = rawMax ? Number(rawMax) : DEFAULT_MAX_MB;
  if (!Number.isFinite(maxMb) || maxMb <= 0)
    throw new Error(`CACHE_MAX_MB must be a positive number of megabytes, got ${rawMax}`);
  const maxBytes = Math.round(maxMb * 1024 * 1024);
  const redisPrefix = env.CACHE_REDIS_PREFIX?.trim() || undefined;
  const writeBehind = writeBehindBytes(env);
  const off = ['off', '0', 'false', 'no'].includes(env.CACHE?.trim().toLowerCase() ?? '');
  if (off)
    return { backend: 'off', location: '', maxBytes, redisPrefix, writeBehindBytes: writeBehind };
  const url = env.CACHE_URL?.trim();
  if (url) {
    if (!/^rediss?:\/\//.test(url))
      throw new Error(`CACHE_URL must be a redis:// or rediss:// URL, got ${url}`);
    return {
      backend: 'redis',
      location: url,
      maxBytes,
      redisPrefix,
      writeBehindBytes: writeBehind,
    };
  }
  const dir = env.CACHE_DIR?.trim() || defaultCacheDir(env);
  return {
    backend: 'sqlite',
    location: join(dir, CACHE_FILE),
    maxBytes,
    redisPrefix,
    writeBehindBytes: writeBehind,
  };
}

export async function openStore(config: CacheConfig): Promise<CacheStore | null> {
  if (config.backend === 'off') return null;
  if (config.backend === 'redis')
    return openRedisStore(config.location, config.maxBytes, config.redisPrefix);
  return openSqliteStore(config.location, config.maxBytes);
}

/** The cache a dashboard server runs with, from CACHE, CACHE_DIR, CACHE_URL, CACHE_MAX_MB. */
export async function openCacheFromEnv(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void = (line) => console.log(line),
): Promise<SkeletonCache> {
  const config = readCacheConfig(env);
  const store = await openStore(config);
  const backend = config.backend === 'off' ? undefined : config.backend;
  const cache = createSkeletonCache({
    store,
    backend,
    maxBytes: config.maxBytes,
    log,
    writeBehindBytes: config.writeBehindBytes,
  });
  const where = config.backend === 'redis' ? redactUrl(config.location) : config.location;
  log(
    config.backend === 'off'
      ? '[cache] skeleton cache off (CACHE=off)'
      : `[cache] skeleton cache: ${config.backend} at ${where}, bound ${Math.round(config.maxBytes / 1024 / 1024)} MB`,
  );
  return cache;
}

/** A Redis URL may carry a password: never print it. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'redis';
  }
}
