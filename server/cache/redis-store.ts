/**
 * The cache in Redis (`CACHE_URL=redis://…`), for several dashboard instances behind a load
 * balancer. The Redis may be shared with other programs, so everything lives under one key
 * prefix and the cache bounds itself instead of relying on Redis's maxmemory policy: a hash per
 * entry, a sorted set of access times (the LRU order), a hash of entry sizes and a byte total.
 * A put and its eviction run as one Lua script, so concurrent instances keep the total right.
 */
import { createClient, RESP_TYPES } from 'redis';
import { entryBytes, type CacheEntry, type CacheStore } from './store.ts';

const DEFAULT_REDIS_PREFIX = 'catmaid-dashboard:skeleton-cache:';

/**
 * KEYS: entry, lru, sizes, total. ARGV: member, edition, content type, body, bytes, atime, max.
 * Stores the entry, then pops the oldest members until the total is within the bound.
 */
const PUT_SCRIPT = `
local old = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
redis.call('HSET', KEYS[1], 'edition', ARGV[2], 'ct', ARGV[3], 'body', ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[5])
local total = redis.call('INCRBY', KEYS[4], tonumber(ARGV[5]) - old)
local max = tonumber(ARGV[7])
local prefix = string.sub(KEYS[1], 1, string.len(KEYS[1]) - string.len(ARGV[1]))
while total > max do
  local popped = redis.call('ZPOPMIN', KEYS[2], 1)
  if #popped == 0 then break end
  local member = popped[1]
  local size = tonumber(redis.call('HGET', KEYS[3], member) or '0')
  redis.call('DEL', prefix .. member)
  redis.call('HDEL', KEYS[3], member)
  total = redis.call('DECRBY', KEYS[4], size)
end
return total
`;

/** KEYS: entry, lru, sizes, total. ARGV: member. */
const DELETE_SCRIPT = `
local size = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
local n = redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if size > 0 then redis.call('DECRBY', KEYS[4], size) end
return n
`;

const CLEAR_BATCH = 500;

export async function openRedisStore(
  url: string,
  maxBytes: number,
  prefix = DEFAULT_REDIS_PREFIX,
): Promise<CacheStore> {
  // No offline queue: with Redis unreachable a command fails at once (the request then goes
  // upstream uncached) instead of waiting for a reconnect.
  const client = createClient({ url, disableOfflineQueue: true });
  // A Redis that goes away must not crash the dashboard; commands fail and the cache is bypassed.
  client.on('error', () => undefined);
  await client.connect();
  const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const lru = `${prefix}lru`;
  const sizes = `${prefix}sizes`;
  const total = `${prefix}total`;
  const entryKey = (member: string) => `${prefix}e:${member}`;
  const keysFor = (member: string) => [entryKey(member), lru, sizes, total];
  let lastTime = 0;
  const now = () => (lastTime = Math.max(Date.now(), lastTime + 1));

  return {
    async getMany(keys) {
      const out = new Map<string, CacheEntry>();
      const rows = await Promise.all(
        keys.map((k) => binary.hmGet(entryKey(k), ['edition', 'ct', 'body'])),
      );
      const touched: { score: number; value: string }[] = [];
      keys.forEach((key, i) => {
        const [edition, ct, body] = rows[i] ?? [];
        if (!(edition instanceof Buffer) || !(ct instanceof Buffer) || !(body instanceof Buffer))
          return;
        out.set(key, { edition: edition.toString(), contentType: ct.toString(), body });
        touched.push({ score: now(), value: key });
      });
      // XX: only refresh members still present (an eviction may have raced this read).
      if (touched.length > 0) await client.zAdd(lru, touched, { condition: 'XX' });
      return out;
    },
    async putMany(entries) {
      for (const [key, e] of entries) {
        // An entry bigger than the whole bound would only evict everything else, then itself.
        if (entryBytes(key, e) > maxBytes) continue;
        await client.eval(PUT_SCRIPT, {
          keys: keysFor(key),
          arguments: [
            key,
            e.edition,
            e.contentType,
            e.body,
            String(entryBytes(key, e)),
            String(now()),
            String(maxBytes),
          ],
        });
      }
    },
    async deleteMany(keys) {
      for (const key of keys)
        await client.eval(DELETE_SCRIPT, { keys: keysFor(key), arguments: [key] });
    },
    async clear() {
      let n = 0;
      for (;;) {
        const members = await client.zRange(lru, 0, CLEAR_BATCH - 1);
        if (members.length === 0) break;
        await client.del(members.map(entryKey));
        await client.zRem(lru, members);
        await client.hDel(sizes, members);
        n += members.length;
      }
      await client.del([sizes, total]);
      return n;
    },
    async stats() {
      const [entries, bytes] = await Promise.all([client.zCard(lru), client.get(total)]);
      return { backend: 'redis', entries, bytes: Number(bytes ?? 0), maxBytes };
    },
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
