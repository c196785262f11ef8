/**
 * The demo's imports agree across the three endpoints that report them: `skeletons/origin`
 * (which skeletons were imported, from where), `skeletons/import-info` (their imported nodes)
 * and `skeletons/summary.num_imported_nodes` — in both projects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from './server.ts';
import { request, startTestServer } from './testing/demo-client.ts';

interface OriginAnswer {
  data_sources: Record<string, { name: string; url: string; source_project_id: number }>;
  origins: Record<string, { source_id: number; data_source_id: number }>;
}
type ImportInfo = Record<
  string,
  { n_imported_treenodes: number; imported_treenodes: number[] | null }
>;
type Summary = Record<string, { num_nodes: number; num_imported_nodes: number }>;

const indexed = (ids: readonly number[]) =>
  ids.map((id, k): [string, string] => [`skeleton_ids[${k}]`, String(id)]);

let server: DemoServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function answer<T>(
  method: 'GET' | 'POST',
  path: string,
  params: [string, string][] = [],
): Promise<T> {
  const a = await request(server, method, path, params);
  if (a.status !== 200) throw new Error(`${path}: ${a.status} ${a.text.slice(0, 200)}`);
  return a.json() as T;
}

describe.each([1, 2])('demo project %i imports', (pid) => {
  let ids: number[] = [];
  let origin: OriginAnswer;
  let info: ImportInfo;
  let summary: Summary;
  beforeAll(async () => {
    ids = await answer<number[]>('GET', `/${pid}/skeletons/`);
    origin = await answer<OriginAnswer>('POST', `/${pid}/skeletons/origin`, indexed(ids));
    info = await answer<ImportInfo>('POST', `/${pid}/skeletons/import-info`, [
      ...indexed(ids),
      ['with_treenodes', 'true'],
    ]);
    summary = await answer<Summary>('POST', `/${pid}/skeletons/summary`, indexed(ids));
  });

  it('imports some skeletons, not all, each from a listed data source', () => {
    const imported = Object.keys(origin.origins).map(Number);
    if (pid === 1) expect(imported.length).toBeGreaterThan(0);
    expect(imported.length).toBeLessThan(ids.length);
    for (const o of Object.values(origin.origins)) {
      expect(origin.data_sources[String(o.data_source_id)]).toBeDefined();
      expect(o.source_id).toBeGreaterThan(0);
    }
    // Only the data sources in use are listed.
    const used = new Set(Object.values(origin.origins).map((o) => String(o.data_source_id)));
    expect(Object.keys(origin.data_sources).sort()).toEqual([...used].sort());
  });

  it('counts imported nodes alike in import-info and summary, never more than the nodes', () => {
    for (const id of ids) {
      const key = String(id);
      const i = info[key];
      const s = summary[key];
      if (!i || !s) throw new Error(`skeleton ${id} missing`);
      expect(s.num_imported_nodes).toBe(i.n_imported_treenodes);
      expect(i.n_imported_treenodes).toBeLessThanOrEqual(s.num_nodes);
      expect(i.n_imported_treenodes > 0).toBe(key in origin.origins);
      expect(i.imported_treenodes?.length ?? 0).toBe(i.n_imported_treenodes);
      if (i.n_imported_treenodes === 0) expect(i.imported_treenodes).toBeNull();
    }
  });

  it('lists imported node ids of the skeleton itself, its root first', async () => {
    const some = Object.keys(origin.origins).slice(0, 3);
    expect(some.length).toBeGreaterThan(0);
    for (const key of some) {
      const nodes = await answer<[[number, number | null][]]>(
        'GET',
        `/${pid}/skeletons/${key}/compact-detail`,
      );
      const own = new Set(nodes[0].map((n) => n[0]));
      const imported = info[key]?.imported_treenodes ?? [];
      expect(imported.every((n) => own.has(n))).toBe(true);
      const root = nodes[0].find((n) => n[1] === null)?.[0];
      expect(imported[0]).toBe(root);
    }
  });

  it('answers the empty shape for unknown skeleton ids, and 400 for none', async () => {
    expect(await answer('GET', `/${pid}/skeletons/origin`, indexed([5]))).toEqual({
      data_sources: {},
      origins: {},
    });
    expect((await request(server, 'POST', `/${pid}/skeletons/origin`)).status).toBe(400);
  });
});
