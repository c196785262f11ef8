import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store.ts';
import { ALL_BYTES, describeStore, entry } from './testing/store-suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStore('SQLite', (maxBytes) =>
  Promise.resolve(openSqliteStore(join(dir, `s${n++}`, 'cache.sqlite'), maxBytes)),
);

describe('SQLite store on disk', () => {
  it('survives a restart: a reopened file has the entries, their LRU order and byte total', async () => {
    const file = join(dir, 'restart', 'cache.sqlite');
    const first = openSqliteStore(file, 3 * 1027 + 100);
    await first.putMany(
      new Map([
        ['a', entry('t1', 1000)],
        ['b', entry('t1', 1000)],
      ]),
    );
    await first.putMany(
      new Map([
        ['c', { ...entry('t9', 1000), body: Buffer.concat([ALL_BYTES, Buffer.alloc(744)]) }],
      ]),
    );
    await first.getMany(['a']);
    await first.close();

    const second = openSqliteStore(file, 3 * 1027 + 100);
    try {
      expect(await second.stats()).toMatchObject({ entries: 3, bytes: 3 * 1027 });
      const c = (await second.getMany(['c'])).get('c');
      expect(c?.edition).toBe('t9');
      expect(c?.body.subarray(0, 256).equals(ALL_BYTES)).toBe(true);
      // `b` was the least recently used before the restart, so it goes first after it.
      await second.putMany(new Map([['d', entry('t1', 1000)]]));
      expect([...(await second.getMany(['a', 'b', 'c', 'd'])).keys()].sort()).toEqual([
        'a',
        'c',
        'd',
      ]);
    } finally {
      await second.close();
    }
  });

  it('makes new files with 64 kB pages and opens files of older versions (4 kB pages) as they are', async () => {
    const pageSize = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.pragma('page_size', { simple: true }) as number;
      } finally {
        db.close();
      }
    };
    const fresh = join(dir, 'pages-new', 'cache.sqlite');
    await openSqliteStore(fresh, 1e6).close();
    expect(pageSize(fresh)).toBe(65536);

    const old = join(dir, 'pages-old', 'cache.sqlite');
    mkdirSync(join(dir, 'pages-old'));
    const made = new Database(old);
    made.pragma('page_size = 4096');
    made.pragma('journal_mode = WAL');
    made.exec('CREATE TABLE placeholder (x)');
    made.close();
    const store = openSqliteStore(old, 1e6);
    try {
      await store.putMany(new Map([['a', entry('t1', 100_000)]]));
      expect((await store.getMany(['a'])).get('a')?.body.length).toBe(100_000);
    } finally {
      await store.close();
    }
    expect(pageSize(old)).toBe(4096);
  });

  it('two processes on one file share entries and one byte total', async () => {
    const file = join(dir, 'shared', 'cache.sqlite');
    const one = openSqliteStore(file, 1 << 20);
    const two = openSqliteStore(file, 1 << 20);
    try {
      await one.putMany(new Map([['x', entry('t1', 10)]]));
      expect((await two.getMany(['x'])).get('x')?.edition).toBe('t1');
      await two.putMany(new Map([['y', entry('t1', 10)]]));
      expect(await one.stats()).toMatchObject({ entries: 2 });
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('starts empty on a file of the first layout (read times in the entries) and works', async () => {
    const file = join(dir, 'layout-1', 'cache.sqlite');
    mkdirSync(join(dir, 'layout-1'));
    const old = new Database(file);
    old.exec(`CREATE TABLE entries (key TEXT PRIMARY KEY, edition TEXT NOT NULL,
      content_type TEXT NOT NULL, body BLOB NOT NULL, bytes INTEGER NOT NULL, atime INTEGER NOT NULL);
      CREATE INDEX entries_atime ON entries (atime);
      CREATE TABLE totals (id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL);
      INSERT INTO totals VALUES (1, 1027);
      INSERT INTO entries VALUES ('a', 't1', 'application/json', x'00', 1027, 1);`);
    old.close();
    const store = openSqliteStore(file, 3 * 1027 + 100);
    try {
      expect(await store.stats()).toMatchObject({ entries: 0, bytes: 0 });
      await store.putMany(
        new Map([
          ['a', entry('t2', 1000)],
          ['b', entry('t2', 1000)],
          ['c', entry('t2', 1000)],
        ]),
      );
      await store.getMany(['a']);
      // Over the bound: `b`, read least recently, goes first.
      await store.putMany(new Map([['d', entry('t2', 1000)]]));
      expect([...(await store.getMany(['a', 'b', 'c', 'd'])).keys()]).toEqual(['a', 'c', 'd']);
      expect(await store.stats()).toMatchObject({ entries: 3, bytes: 3 * 1027 });
    } finally {
      await store.close();
    }
  });
});
