/**
 * The default cache backend: one SQLite file (better-sqlite3) that survives restarts and can be
 * shared by several dashboard processes on one machine (WAL mode). The running byte total lives
 * in a one-row table kept by triggers, so a bound check never scans the table; eviction deletes
 * the least recently read entries until the total is under the bound. Read times live in a small
 * table of their own (`reads`, indexed), so recording a read never rewrites the entry's blob.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { entryBytes, type CacheEntry, type CacheStore, type StoreStats } from './store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (
  key TEXT PRIMARY KEY,
  edition TEXT NOT NULL,
  content_type TEXT NOT NULL,
  body BLOB NOT NULL,
  bytes INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS reads (key TEXT PRIMARY KEY, atime INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS reads_atime ON reads (atime);
CREATE TABLE IF NOT EXISTS totals (id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL);
INSERT OR IGNORE INTO totals (id, bytes) VALUES (1, 0);
CREATE TRIGGER IF NOT EXISTS entries_ins AFTER INSERT ON entries
  BEGIN UPDATE totals SET bytes = bytes + NEW.bytes WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS entries_del AFTER DELETE ON entries
  BEGIN
    UPDATE totals SET bytes = bytes - OLD.bytes WHERE id = 1;
    DELETE FROM reads WHERE key = OLD.key;
  END;
CREATE TRIGGER IF NOT EXISTS entries_upd AFTER UPDATE OF bytes ON entries
  BEGIN UPDATE totals SET bytes = bytes - OLD.bytes + NEW.bytes WHERE id = 1; END;
`;

/**
 * Files of the first layout kept the read time in the entry's own row. SQLite rebuilds a whole
 * record to update any column of it, blob included (reading its overflow pages again to write
 * only those that changed), so every cache hit cost a second pass over its entry: reading 1,000
 * display entries of 33 kB took 150-180 ms instead of 25. Such a file's entries are dropped once
 * (it is a cache: they are fetched again); the layout is recorded in `user_version`.
 */
const LAYOUT_VERSION = 2;

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= LAYOUT_VERSION) return;
  db.transaction(() => {
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(entries)').all();
    if (columns.some((c) => c.name === 'atime')) {
      db.exec(`DROP TRIGGER IF EXISTS entries_ins; DROP TRIGGER IF EXISTS entries_del;
        DROP TRIGGER IF EXISTS entries_upd; DROP INDEX IF EXISTS entries_atime;
        DROP TABLE entries; DROP TABLE IF EXISTS totals;`);
    }
    db.exec(SCHEMA);
    db.pragma(`user_version = ${LAYOUT_VERSION}`);
  })();
}

interface Row {
  key: string;
  edition: string;
  content_type: string;
  body: Buffer;
}

/** Rows deleted per eviction step. */
const EVICT_STEP = 64;

export function openSqliteStore(file: string, maxBytes: number): CacheStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // Entries are blobs of hundreds of kB: with 64 kB pages instead of 4 kB, each is a short
  // chain of overflow pages, and writing a cold lab-scale load took half the time (82 MB: 170
  // instead of 370 ms). Only a new file takes it; an existing one keeps its page size.
  db.pragma('page_size = 65536');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Another dashboard process may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const select = db.prepare<[string], Row>(
    'SELECT key, edition, content_type, body FROM entries WHERE key = ?',
  );
  const touch = db.prepare<[string, number]>(
    'INSERT INTO reads (key, atime) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET atime = excluded.atime',
  );
  const upsert = db.prepare<[string, string, string, Buffer, number]>(
    `INSERT INTO entries (key, edition, content_type, body, bytes) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET edition = excluded.edition, content_type = excluded.content_type,
       body = excluded.body, bytes = excluded.bytes`,
  );
  const remove = db.prepare<[string]>('DELETE FROM entries WHERE key = ?');
  const total = db.prepare<[], { bytes: number }>('SELECT bytes FROM totals WHERE id = 1');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM entries');
  const oldest = db.prepare<[number], { key: string }>(
    'SELECT key FROM reads ORDER BY atime, key LIMIT ?',
  );

  const totalBytes = () => total.get()?.bytes ?? 0;
  // Reads within one millisecond keep their order: the clock never repeats or goes back.
  let lastTime = 0;
  const now = () => (lastTime = Math.max(Date.now(), lastTime + 1));

  const getMany = db.transaction((keys: readonly string[]) => {
    const out = new Map<string, CacheEntry>();
    for (const key of keys) {
      const row = select.get(key);
      if (!row) continue;
      touch.run(key, now());
      out.set(key, { edition: row.edition, contentType: row.content_type, body: row.body });
    }
    return out;
  });
  const putMany = db.transaction((entries: ReadonlyMap<string, CacheEntry>) => {
    for (const [key, e] of entries) {
      const bytes = entryBytes(key, e);
      // An entry bigger than the whole bound would only evict everything else, then itself.
      if (bytes > maxBytes) continue;
      upsert.run(key, e.edition, e.contentType, e.body, bytes);
      touch.run(key, now());
    }
    while (totalBytes() > maxBytes) {
      const victims = oldest.all(EVICT_STEP);
      if (victims.length === 0) break;
      for (const v of victims) {
        remove.run(v.key);
        if (totalBytes() <= maxBytes) break;
      }
    }
  });
  const deleteMany = db.transaction((keys: readonly string[]) => {
    for (const key of keys) remove.run(key);
  });
  const clear = db.transaction(() => {
    const n = count.get()?.n ?? 0;
    // (The entries' delete trigger removes their read times too.)
    db.exec('DELETE FROM entries; UPDATE totals SET bytes = 0 WHERE id = 1;');
    return n;
  });

  return {
    getMany: (keys) => Promise.resolve(getMany(keys)),
    putMany: (entries) => Promise.resolve(putMany(entries)),
    deleteMany: (keys) => Promise.resolve(deleteMany(keys)),
    clear: () => Promise.resolve(clear()),
    stats: (): Promise<StoreStats> =>
      Promise.resolve({
        backend: 'sqlite',
        entries: count.get()?.n ?? 0,
        bytes: totalBytes(),
        maxBytes,
      }),
    close: () => {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
}
