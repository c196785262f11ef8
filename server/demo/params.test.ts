/** CATMAID parameter rules on the demo server: query-targets filters, list encodings, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from './server.ts';
import { indexed, request, startTestServer } from './testing/demo-client.ts';

interface Entity {
  id: number;
  name: string;
  type: string;
  skeleton_ids?: number[];
  annotations?: { id: number; name: string; uid: number; creation_time?: string }[];
}
interface Result {
  entities: Entity[];
  totalRecords: number;
}

describe('request parameters', () => {
  let server: DemoServer;
  const qt = async (params: [string, string][]): Promise<Result> =>
    (await request(server, 'POST', '/1/annotations/query-targets', params)).json() as Result;
  const annotationId = (name: string): string =>
    String(server.store.projects.get(1)?.annotationByName.get(name));
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('name regex is case-insensitive; an invalid regex is a 400 CATMAID error', async () => {
    const r = await qt([
      ['name', '/^pn .* left$'],
      ['types[0]', 'neuron'],
    ]);
    expect(r.entities.length).toBeGreaterThan(10);
    expect(r.entities.every((e) => /^PN .* left$/.test(e.name))).toBe(true);
    const sensitive = await qt([
      ['name', '/^pn '],
      ['name_case_sensitive', 'true'],
      ['types[0]', 'neuron'],
    ]);
    expect(sensitive.totalRecords).toBe(0);
    const bad = await request(server, 'POST', '/1/annotations/query-targets', [['name', '/(']]);
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      type: expect.any(String),
      meta: null,
      error: expect.stringContaining('invalid regular expression'),
    });
  });

  it('sub_annotated_with expands meta-annotations transitively; AND of terms', async () => {
    const cls = annotationId('classification');
    const all = await qt([
      ['annotated_with[0]', cls],
      ['sub_annotated_with[0]', cls],
      ['types[0]', 'neuron'],
    ]);
    expect(all.totalRecords).toBe(server.store.projects.get(1)?.meta.neurons.length);
    const direct = await qt([
      ['annotated_with[0]', cls],
      ['types[0]', 'neuron'],
    ]);
    expect(direct.totalRecords).toBe(0);
    const pnLeft = await qt([
      ['annotated_with[0]', 'PN'],
      ['annotated_with[1]', 'left'],
      ['annotation_reference', 'name'],
      ['types[0]', 'neuron'],
    ]);
    expect(pnLeft.entities.every((e) => e.name.startsWith('PN') && e.name.includes('left'))).toBe(
      true,
    );
    expect(pnLeft.totalRecords).toBe(21);
  });

  it('annotated_by reads only the repeated plain key', async () => {
    const pn = annotationId('PN');
    const base = await qt([
      ['annotated_with[0]', pn],
      ['types[0]', 'neuron'],
      ['with_annotations', 'true'],
    ]);
    const user = base.entities[0]?.annotations?.find((a) => String(a.id) === pn)?.uid ?? 0;
    const byUser = await qt([
      ['annotated_with[0]', pn],
      ['annotated_by', String(user)],
      ['types[0]', 'neuron'],
    ]);
    expect(byUser.totalRecords).toBeGreaterThan(0);
    expect(byUser.totalRecords).toBeLessThan(base.totalRecords);
    const ignored = await qt([
      ['annotated_with[0]', pn],
      ['annotated_by[0]', String(user)],
      ['types[0]', 'neuron'],
    ]);
    expect(ignored.totalRecords).toBe(base.totalRecords);
  });

  it('annotation date range: start inclusive, end exclusive at 00:00 UTC', async () => {
    const pn = annotationId('PN');
    const base = await qt([
      ['annotated_with[0]', pn],
      ['types[0]', 'neuron'],
      ['with_annotations', 'true'],
      ['with_timestamps', 'true'],
    ]);
    const link = base.entities[0]?.annotations?.find((a) => String(a.id) === pn);
    const day = (link?.creation_time ?? '').slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const same = await qt([
      ['annotated_with[0]', pn],
      ['annotation_date_start', day],
      ['annotation_date_end', day],
      ['types[0]', 'neuron'],
    ]);
    expect(same.entities.map((e) => e.id)).not.toContain(base.entities[0]?.id);
    const withNext = await qt([
      ['annotated_with[0]', pn],
      ['annotation_date_start', day],
      ['annotation_date_end', next],
      ['types[0]', 'neuron'],
    ]);
    expect(withNext.entities.map((e) => e.id)).toContain(base.entities[0]?.id);
  });

  it('pages with range_start + range_length and reports totalRecords', async () => {
    const all = await qt([
      ['types[0]', 'neuron'],
      ['sort_by', 'name'],
    ]);
    const page = await qt([
      ['types[0]', 'neuron'],
      ['sort_by', 'name'],
      ['range_start', '10'],
      ['range_length', '5'],
    ]);
    expect(page.totalRecords).toBe(all.totalRecords);
    expect(page.entities.map((e) => e.id)).toEqual(all.entities.slice(10, 15).map((e) => e.id));
    const startOnly = await qt([
      ['types[0]', 'neuron'],
      ['range_start', '10'],
    ]);
    expect(startOnly.entities.length).toBe(all.totalRecords);
    const sortNeedsTimes = await request(server, 'POST', '/1/annotations/query-targets', [
      ['sort_by', 'annotated_on'],
    ]);
    expect(sortNeedsTimes.status).toBe(400);
  });

  it('list encodings: indexed, repeated plain, comma `[]`, and repeated `[]` keeps the last', async () => {
    const skids = ((await request(server, 'GET', '/1/skeletons/')).json() as number[]).slice(0, 3);
    const names = async (params: [string, string][]): Promise<string[]> =>
      Object.keys(
        (await request(server, 'POST', '/1/skeleton/neuronnames', params)).json() as object,
      );
    expect(await names(indexed('skids', skids))).toHaveLength(3);
    expect(await names(skids.map((s) => ['skids', String(s)]))).toHaveLength(3);
    expect(await names([['skids[]', skids.join(',')]])).toHaveLength(3);
    expect(await names(skids.map((s) => ['skids[]', String(s)]))).toEqual([String(skids[2])]);
    const review = await request(
      server,
      'POST',
      '/1/skeletons/review-status',
      skids.map((s) => ['skeleton_ids', String(s)]),
    );
    expect(review.status).toBe(400);
  });

  it('booleans are true only for true/True', async () => {
    const skid = ((await request(server, 'GET', '/1/skeletons/')).json() as number[])[0];
    const one = (
      await request(server, 'GET', `/1/skeletons/${skid}/compact-detail`, [
        ['with_connectors', '1'],
      ])
    ).json() as unknown[][];
    const yes = (
      await request(server, 'GET', `/1/skeletons/${skid}/compact-detail`, [
        ['with_connectors', 'True'],
      ])
    ).json() as unknown[][];
    expect(one[1]).toEqual([]);
    expect(yes[1]?.length).toBeGreaterThan(0);
  });

  it('routing: trailing slashes, unknown project, write paths, msgpack + history', async () => {
    expect((await request(server, 'GET', '/1/skeletons')).status).toBe(301);
    expect((await request(server, 'POST', '/1/skeleton/neuronnames/')).status).toBe(404);
    expect((await request(server, 'GET', '/99/annotations/')).json()).toMatchObject({
      type: 'DoesNotExist',
    });
    expect((await request(server, 'GET', '/99/')).status).toBe(404);
    expect(
      (await request(server, 'POST', '/1/annotations/add', [['entity_ids[0]', '1']])).status,
    ).toBe(404);
    expect((await request(server, 'POST', '/1/treenode/create')).status).toBe(404);
    const skid = ((await request(server, 'GET', '/1/skeletons/')).json() as number[])[0];
    expect(
      (
        await request(server, 'GET', `/1/skeletons/${skid}/compact-detail`, [
          ['with_history', 'true'],
          ['format', 'msgpack'],
        ])
      ).status,
    ).toBe(500);
  });
});
