/**
 * The shared skeleton cache's storage: one entry per (CATMAID origin, project, skeleton, request
 * variant), holding the skeleton's answer bytes exactly as CATMAID sent them (compressed) and the
 * skeleton's `last_edition_time` as `skeletons/summary` reported it just before the fetch. Two
 * backends: SQLite on disk (sqlite-store.ts, the default) and Redis (redis-store.ts), both bounded
 * in bytes with least-recently-used eviction.
 */

export interface CacheEntry {
  /** `last_edition_time` from `skeletons/summary`, as sent (compared as a string). */
  edition: string;
  /** The upstream content type of the answer (JSON or msgpack). */
  contentType: string;
  /** The answer bytes of this one skeleton, compressed (compression.ts). */
  body: Buffer;
}

export interface StoreStats {
  backend: 'sqlite' | 'redis';
  entries: number;
  bytes: number;
  maxBytes: number;
}

export interface CacheStore {
  /** Entries by key (missing ones absent); reading an entry marks it recently used. */
  getMany(keys: readonly string[]): Promise<Map<string, CacheEntry>>;
  /** Store entries, then evict the least recently used past the size bound. */
  putMany(entries: ReadonlyMap<string, CacheEntry>): Promise<void>;
  deleteMany(keys: readonly string[]): Promise<void>;
  /** Remove every entry; resolves to how many there were. */
  clear(): Promise<number>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** What an entry costs against the bound: its key, body and small fields. */
export function entryBytes(key: string, entry: CacheEntry): number {
  return (
    Buffer.byteLength(key) +
    entry.body.length +
    Buffer.byteLength(entry.edition) +
    Buffer.byteLength(entry.contentType)
  );
}
