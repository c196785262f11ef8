/**
 * `npm run cache -- stats|clear`: the shared skeleton cache from the command line, with the
 * same environment as the dashboard server (CACHE, CACHE_DIR, CACHE_URL, CACHE_MAX_MB,
 * CACHE_REDIS_PREFIX). Prints JSON: the stored entries and bytes (`stats`; the hit counters live
 * in the running server, see GET /api/cache/stats), or `{"cleared": n}`.
 */
import { openStore, readCacheConfig } from './skeleton-cache.ts';

const USAGE = 'usage: npm run cache -- stats|clear';

async function main(command: string | undefined): Promise<number> {
  if (command !== 'stats' && command !== 'clear') {
    console.error(USAGE);
    return 2;
  }
  const config = readCacheConfig(process.env);
  const store = await openStore(config);
  if (!store) {
    console.log(
      JSON.stringify(
        command === 'stats' ? { backend: 'off', entries: 0, bytes: 0 } : { cleared: 0 },
      ),
    );
    return 0;
  }
  try {
    if (command === 'stats') {
      const where = config.backend === 'sqlite' ? { file: config.location } : {};
      console.log(JSON.stringify({ ...(await store.stats()), ...where }));
    } else {
      console.log(JSON.stringify({ cleared: await store.clear() }));
    }
  } finally {
    await store.close();
  }
  return 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
