/**
 * One link table, consistent from every side: outgoing(A→B) in connectivity == incoming(B←A)
 * == connectivity_matrix[A][B] == pairs derived from compact-detail connector rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from './server.ts';
import { indexed, request, startTestServer } from './testing/demo-client.ts';

type Partners = Record<string, { skids: Record<string, number[]> }>;

const sum = (h: number[] | undefined): number => (h ?? []).reduce((x, y) => x + y, 0);

describe('synapse counts agree across endpoints', () => {
  let server: DemoServer;
  let skids: number[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    skids = (await request(server, 'GET', '/1/skeletons/')).json() as number[];
  });
  afterAll(() => server?.close());

  it('connectivity, matrix and compact-detail connectors count the same pairs', async () => {
    const conn = (
      await request(
        server,
        'POST',
        '/1/skeletons/connectivity',
        indexed('source_skeleton_ids', skids),
      )
    ).json() as { outgoing: Partners; incoming: Partners };
    const matrix = (
      await request(server, 'POST', '/1/skeleton/connectivity_matrix', [
        ...indexed('rows', skids),
        ...indexed('columns', skids),
      ])
    ).json() as Record<string, Record<string, number>>;
    const batch = (
      await request(server, 'POST', '/1/skeletons/compact-detail', [
        ...indexed('skeleton_ids', skids),
        ['with_connectors', 'true'],
      ])
    ).json() as { skeletons: Record<string, [unknown, [number, number, number][]]> };
    const pre = new Map<number, number>();
    const post = new Map<number, number[]>();
    for (const [skid, detail] of Object.entries(batch.skeletons)) {
      for (const [, cid, rel] of detail[1]) {
        if (rel === 0) pre.set(cid, Number(skid));
        else post.set(cid, [...(post.get(cid) ?? []), Number(skid)]);
      }
    }
    const fromRows = new Map<string, number>();
    for (const [cid, targets] of post) {
      const source = pre.get(cid);
      if (source === undefined) continue;
      for (const t of targets)
        fromRows.set(`${source}>${t}`, (fromRows.get(`${source}>${t}`) ?? 0) + 1);
    }
    expect(fromRows.size).toBeGreaterThan(200);
    let checked = 0;
    for (const a of skids) {
      for (const b of skids) {
        const out = sum(conn.outgoing[b]?.skids[a]);
        const inc = sum(conn.incoming[a]?.skids[b]);
        const m = matrix[a]?.[b] ?? 0;
        const rows = fromRows.get(`${a}>${b}`) ?? 0;
        if (out !== inc || inc !== m || m !== rows)
          expect.fail(
            `${a}→${b}: outgoing ${out}, incoming ${inc}, matrix ${m}, compact-detail ${rows}`,
          );
        if (m > 0) checked++;
      }
    }
    expect(checked).toBe(fromRows.size);
  });
});
