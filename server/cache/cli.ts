/**
 * `npm run cache -- stats|clear|warm …`: the shared skeleton cache from the command line
 * (commands in cli-commands.ts). `stats` and `clear` open the store with the dashboard server's
 * environment (CACHE, CACHE_DIR, CACHE_URL, CACHE_MAX_MB, CACHE_REDIS_PREFIX) and print JSON:
 * the stored entries and bytes (the hit counters live in the running server, see GET
 * /api/cache/stats), or `{"cleared": n}`. `warm` fills a running dashboard server's cache
 * (warm.ts).
 */
import { runCacheCli } from './cli-commands.ts';

runCacheCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
