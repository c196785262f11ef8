/**
 * A spec's own stack: an in-process demo server that records requests and a dashboard server with
 * a fresh SQLite skeleton cache in front of it, started before the spec's tests and removed after.
 * For specs that count what CATMAID was asked, so no other test's traffic moves the counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSkeletonCache } from '../server/cache/skeleton-cache.ts';
import { openSqliteStore } from '../server/cache/sqlite-store.ts';
import { createDashboardServer } from '../server/dashboard-server.ts';
import { startDemoServer, type DemoServer } from '../server/demo/server.ts';
import { close, listen, settingsFor } from '../server/test-servers.ts';
import { test } from './fixtures.ts';

export interface OwnStack {
  /** The dashboard server's base URL (set once the spec's beforeAll has run). */
  base(): string;
  demo(): DemoServer;
}

/** Registers the stack's start and end with the spec; `log` hears the cache's log lines. */
export function ownStack(name: string, log: (line: string) => void = () => undefined): OwnStack {
  let demo: DemoServer | undefined;
  let dashboard: Server | undefined;
  let base = '';
  const cacheDir = mkdtempSync(join(tmpdir(), `e2e-${name}-`));
  const store = openSqliteStore(join(cacheDir, 'skeletons.sqlite'), 1 << 30);
  const cache = createSkeletonCache({ store, maxBytes: 1 << 30, log });

  test.beforeAll(async () => {
    demo = await startDemoServer({ port: 0, seed: 1, scale: 1 });
    const dist = resolve(process.env.DIST_DIR || 'dist');
    dashboard = createDashboardServer(dist, settingsFor(demo.url), { cache });
    base = `http://127.0.0.1:${await listen(dashboard)}`;
  });

  test.afterAll(async () => {
    if (dashboard) await close(dashboard);
    await demo?.close();
    await store.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  return {
    base: () => base,
    demo: () => {
      if (!demo) throw new Error('the stack starts in beforeAll');
      return demo;
    },
  };
}
