/**
 * Warming a dashboard server's cache (warm.ts, `npm run cache -- warm`) in front of the embedded
 * demo server: the skeletons named by id, file or annotation (sub-annotations included) are asked
 * for once; afterwards the 3D view's requests for them, display forms and full compact-detail
 * alike, are answered without CATMAID building a skeleton. Ids CATMAID lacks are reported, a
 * server without the display route stops the run, and bad arguments are usage errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../demo/testing/demo-client.ts';
import type { DemoServer } from '../demo/server.ts';
import type { ProjectMeta } from '../demo/data/types.ts';
import { closeCacheFixture, listen, proxyOn, settingsFor } from '../test-servers.ts';
import { parseIdFile, parseIdList, parseWarmArgs, runCacheCli } from './cli-commands.ts';
import { createSkeletonCache, whenWritten, type SkeletonCache } from './skeleton-cache.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { warmCache, WarmInputError } from './warm.ts';

const dir = mkdtempSync(join(tmpdir(), 'warm-cache-'));
let demo: DemoServer;
let cache: SkeletonCache;
let meta: ProjectMeta;
const servers: Server[] = [];
let base = '';

beforeAll(async () => {
  demo = await startTestServer();
  const project = demo.store.projects.get(1);
  if (!project) throw new Error('no demo project 1');
  meta = project.meta;
  cache = createSkeletonCache({
    store: openSqliteStore(join(dir, 'cache.sqlite'), 1 << 28),
    maxBytes: 1 << 28,
    log: () => undefined,
    writeBehindBytes: 1 << 28,
  });
  const { proxy, base: at } = await proxyOn(settingsFor(demo.url), { cache });
  servers.push(proxy);
  base = at;
});

afterAll(async () => {
  await demo.close();
  await whenWritten(cache);
  await closeCacheFixture(servers, cache, dir);
});

/** compact-detail requests the demo server has answered so far. */
const dataRequests = () => demo.requests().filter((q) => q.path.endsWith('/compact-detail')).length;
const summaries = () => demo.requests().filter((q) => q.path.endsWith('/skeletons/summary')).length;

/** Skeletons of neurons annotated with `name` or with an annotation below it (the demo's data). */
function annotatedSkeletons(name: string): number[] {
  const root = meta.annotations.find((a) => a.name === name)?.id;
  const names = new Set(root === undefined ? [] : [root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const l of meta.annotationLinks) {
      const isAnnotation = meta.annotations.some((a) => a.id === l.entity);
      if (names.has(l.annotation) && isAnnotation && !names.has(l.entity)) {
        names.add(l.entity);
        grew = true;
      }
    }
  }
  const neurons = new Set(
    meta.annotationLinks.filter((l) => names.has(l.annotation)).map((l) => l.entity),
  );
  return meta.neurons.filter((n) => neurons.has(n.neuronId)).map((n) => n.skeletonId);
}

const form = (ids: number[], flags: [string, string][]) =>
  new URLSearchParams([
    ...ids.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
    ...flags,
  ]).toString();

async function post(path: string, ids: number[], flags: [string, string][]): Promise<number> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form(ids, flags),
  });
  await res.arrayBuffer();
  return res.status;
}

const VIEWER: [string, string][] = [
  ['with_connectors', 'true'],
  ['with_tags', 'true'],
  ['format', 'msgpack'],
];

describe('warmCache', () => {
  it('keeps what the 3D view asks for, so its requests no longer reach CATMAID for data', async () => {
    const ids = meta.neurons.slice(0, 7).map((n) => n.skeletonId);
    const before = dataRequests();
    const summariesBefore = summaries();
    const progress: number[] = [];
    const result = await warmCache({
      server: base,
      projectId: 1,
      skeletonIds: [...ids, ids[0] ?? 0],
      chunkSize: 3,
      onProgress: (p) => progress.push(p.done),
    });
    expect(result).toMatchObject({ requested: 7, warmed: 7, missing: [], failed: [] });
    expect(progress.at(-1)).toBe(7);
    expect(dataRequests() - before, 'one CATMAID request per chunk of 3').toBe(3);
    expect(summaries() - summariesBefore, 'one freshness check for the burst').toBe(1);
    await whenWritten(cache);

    const after = dataRequests();
    expect(await post('/api/display/1/skeletons', ids, VIEWER)).toBe(200);
    expect(await post('/api/catmaid/1/skeletons/compact-detail', ids, VIEWER)).toBe(200);
    // A small scene's geometry-first request (nodes only): narrowed from the full entries.
    expect(
      await post('/api/catmaid/1/skeletons/compact-detail', ids, [['format', 'msgpack']]),
    ).toBe(200);
    expect(dataRequests(), 'display forms, geometry and full data from the cache').toBe(after);
  });

  it('warms every neuron under an annotation, sub-annotations included', async () => {
    // "cell type" annotates only annotations (PN, KC, …): every typed neuron is below it.
    const expected = annotatedSkeletons('cell type');
    const direct = meta.annotationLinks.filter(
      (l) => l.annotation === meta.annotations.find((a) => a.name === 'cell type')?.id,
    );
    expect(direct.every((l) => meta.annotations.some((a) => a.id === l.entity))).toBe(true);
    expect(expected.length).toBeGreaterThan(20);
    const result = await warmCache({
      server: base,
      projectId: 1,
      annotations: ['cell type'],
      concurrency: 3,
    });
    expect(result.requested).toBe(expected.length);
    expect(result.warmed).toBe(expected.length);
    await whenWritten(cache);
    const before = dataRequests();
    expect(await post('/api/catmaid/1/skeletons/compact-detail', expected.slice(-25), VIEWER)).toBe(
      200,
    );
    expect(dataRequests()).toBe(before);
  });

  it('reports ids CATMAID does not have, and warms the rest', async () => {
    const id = meta.neurons[10]?.skeletonId ?? 0;
    const result = await warmCache({ server: base, projectId: 1, skeletonIds: [id, 999_999_991] });
    expect(result).toMatchObject({ requested: 2, warmed: 1, missing: [999_999_991], failed: [] });
  });

  it('refuses a server that keeps no cache (CACHE=off, or one from before the cache)', async () => {
    const { proxy, base: off } = await proxyOn(settingsFor(demo.url), {});
    servers.push(proxy);
    const before = dataRequests();
    await expect(
      warmCache({ server: off, projectId: 1, skeletonIds: [meta.neurons[0]?.skeletonId ?? 0] }),
    ).rejects.toThrow(`the dashboard server at ${off} keeps no skeleton cache (CACHE=off)`);
    expect(dataRequests()).toBe(before);
  });

  it('stops at a refusal (a server without the display route), naming it', async () => {
    let displayRequests = 0;
    const old = createServer((req, res) => {
      if (req.url === '/api/cache/stats')
        return res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"backend":"sqlite","entries":0,"bytes":0,"maxBytes":1}');
      displayRequests++;
      res.writeHead(404).end('no such page');
    });
    servers.push(old);
    const port = await listen(old);
    const ids = meta.neurons.slice(0, 9).map((n) => n.skeletonId);
    await expect(
      warmCache({
        server: `http://127.0.0.1:${port}`,
        projectId: 1,
        skeletonIds: ids,
        chunkSize: 2,
      }),
    ).rejects.toThrow(/HTTP 404/);
    expect(
      displayRequests,
      'no request after the refusal but those already sent',
    ).toBeLessThanOrEqual(2);
  });

  it('reports requests that keep failing (5xx) with their skeletons, and goes on', async () => {
    let calls = 0;
    const flaky = createServer((req, res) => {
      // Every other skeleton request fails for good; the rest go to the real server.
      if (req.url?.startsWith('/api/display/') && ++calls % 2 === 1)
        return res.writeHead(503).end('busy');
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void fetch(`${base}${req.url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: Buffer.concat(chunks),
        }).then(async (r) => {
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? '' });
          res.end(Buffer.from(await r.arrayBuffer()));
        });
      });
    });
    servers.push(flaky);
    const port = await listen(flaky);
    const ids = meta.neurons.slice(0, 4).map((n) => n.skeletonId);
    const result = await warmCache({
      server: `http://127.0.0.1:${port}`,
      projectId: 1,
      skeletonIds: ids,
      chunkSize: 2,
      concurrency: 1,
      retries: 0,
    });
    expect(result.warmed).toBe(2);
    expect(result.failed).toEqual([
      { skeletonIds: ids.slice(0, 2), error: expect.stringMatching(/503/) },
    ]);
  });
});

describe('npm run cache -- warm', () => {
  it('warns when the server’s cache is nearly full (its oldest entries are being evicted)', async () => {
    const small = createSkeletonCache({
      store: openSqliteStore(join(dir, 'small.sqlite'), 1 << 20),
      maxBytes: 1 << 20,
      log: () => undefined,
    });
    const { proxy, base: at } = await proxyOn(settingsFor(demo.url), { cache: small });
    servers.push(proxy);
    const run = io();
    const ids = meta.neurons.slice(30, 60).map((n) => n.skeletonId);
    const args = ['warm', '--project', '1', '--server', at, '--skeletons', ids.join(',')];
    expect(await runCacheCli(args, run.io)).toBe(0);
    const out = JSON.parse(run.out[0] ?? '{}') as { cache: { bytes: number; maxBytes: number } };
    expect(out.cache.maxBytes).toBe(1 << 20);
    expect(out.cache.bytes).toBeGreaterThan(0.9 * (1 << 20));
    expect(run.err).toContain(
      `warm: the server's cache is nearly full (1 of 1 MB): the least recently used entries are being evicted; raise CACHE_MAX_MB to keep them all`,
    );
    await whenWritten(small);
    await small.store?.close();
  });

  function io(env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: { env, out: (l: string) => out.push(l), err: (l: string) => err.push(l), retryBaseMs: 5 },
    };
  }

  it('warms the ids of a list and a CSV file, and prints what it did as JSON', async () => {
    const ids = meta.neurons.slice(20, 26).map((n) => n.skeletonId);
    const file = join(dir, 'selection.csv');
    writeFileSync(
      file,
      `skeleton_id,name\n${ids
        .slice(3)
        .map((id) => `${id},"a, b"`)
        .join('\n')}\n`,
    );
    const run = io();
    const code = await runCacheCli(
      [
        'warm',
        '--project',
        '1',
        '--server',
        base,
        '--skeletons',
        ids.slice(0, 3).join(','),
        '--skeletons-file',
        file,
      ],
      run.io,
    );
    expect(run.err.filter((l) => !l.startsWith('warm: '))).toEqual([]);
    expect(code).toBe(0);
    expect(JSON.parse(run.out[0] ?? '{}')).toMatchObject({
      project: 1,
      requested: 6,
      warmed: 6,
      missing: [],
      failed: [],
    });
    expect(run.err.at(-1)).toBe('warm: 6 of 6 skeletons');
  });

  it('answers bad arguments with the usage (exit 2), and an unreachable server with exit 1', async () => {
    for (const args of [
      ['warm'],
      ['warm', '--project', '1'],
      ['warm', '--project', 'x', '--skeletons', '1'],
      ['warm', '--project', '1', '--skeletons', '12,abc'],
      ['warm', '--project', '1', '--skeletons', '1', '--concurrency', '0'],
      ['warm', '--project', '1', '--skeletons', '1', '--server', 'localhost:8080'],
      ['warm', '--project', '1', '--bogus'],
      ['warm', '--project', '1', '--skeletons-file', join(dir, 'missing.csv')],
      ['frobnicate'],
    ]) {
      const run = io();
      expect(await runCacheCli(args, run.io), args.join(' ')).toBe(2);
      expect(run.err.at(-1)).toMatch(/^ +npm run cache -- warm --project ID/m);
    }
    const run = io();
    const code = await runCacheCli(
      ['warm', '--project', '1', '--skeletons', '5', '--server', 'http://127.0.0.1:9'],
      run.io,
    );
    expect(code).toBe(1);

    const unknown = io();
    const args = ['warm', '--project', '1', '--server', base, '--annotation', 'no such thing'];
    expect(await runCacheCli(args, unknown.io)).toBe(1);
    expect(unknown.err).toEqual(['Unknown annotation: no such thing']);
    expect(unknown.out).toEqual([]);
  });
});

describe('argument parsing', () => {
  it('reads id lists and files (one per line, or a CSV with the id first and a header)', () => {
    expect(parseIdList('1, 2 3;4')).toEqual([1, 2, 3, 4]);
    expect(() => parseIdList('1,-2')).toThrow(WarmInputError);
    expect(parseIdFile('skeleton_id\tname\n7\tx\n\n8\ty\n', 'f.tsv')).toEqual([7, 8]);
    expect(parseIdFile('5\n6\n', 'ids.txt')).toEqual([5, 6]);
    expect(() => parseIdFile('5\nsix\n', 'ids.txt')).toThrow(
      'not a skeleton id: "six" (ids.txt, line 2)',
    );
  });

  it('takes the server from --server, DASHBOARD_URL, or PORT on this machine', () => {
    const args = ['--project', '2', '--annotation', ' KC ', '--annotation', 'PN'];
    expect(parseWarmArgs(args, {})).toEqual({
      server: 'http://127.0.0.1:8080',
      projectId: 2,
      skeletonIds: [],
      annotations: ['KC', 'PN'],
      concurrency: 2,
    });
    expect(parseWarmArgs(args, { PORT: '9000' }).server).toBe('http://127.0.0.1:9000');
    expect(parseWarmArgs(args, { DASHBOARD_URL: 'https://dash.lab' }).server).toBe(
      'https://dash.lab',
    );
  });
});
