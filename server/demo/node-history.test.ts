/**
 * The demo's edit history (data/node-history.ts) as the Neuron view reads it: compact-detail
 * `with_history` carries historic rows (ordering 2, valid over [t_a, t_b)) next to the live ones,
 * deleted twigs hang off live nodes and `skeletons/change-history` accounts for every live node
 * (src/analysis/neuron/as-of.demo.test.ts reads it through the app's decoder).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from './server.ts';
import { request, startTestServer } from './testing/demo-client.ts';

type Row = [
  number,
  number | null,
  number,
  number,
  number,
  number,
  number,
  number,
  string,
  string,
  number,
];

describe('demo node history', () => {
  let server: DemoServer;
  let skids: number[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    skids = (await request(server, 'GET', '/1/skeletons/')).json() as number[];
  });
  afterAll(() => server?.close());

  const history = async (skid: number) =>
    (
      await request(server, 'GET', `/1/skeletons/${skid}/compact-detail`, [
        ['with_history', 'true'],
      ])
    ).json() as [Row[]];

  it('adds historic rows that end after they start and hang off nodes that existed', async () => {
    let deleted = 0;
    let moved = 0;
    for (const skid of skids.slice(0, 12)) {
      const [rows] = await history(skid);
      const live = new Map(rows.filter((r) => r[10] === 1).map((r) => [r[0], r]));
      for (const r of rows.filter((row) => row[10] === 2)) {
        expect(Date.parse(r[8].replace(' ', 'T'))).toBeLessThan(Date.parse(r[9].replace(' ', 'T')));
        if (live.has(r[0])) moved++;
        else {
          deleted++;
          const parent = r[1];
          expect(parent === null || live.has(parent) || rows.some((x) => x[0] === parent)).toBe(
            true,
          );
        }
      }
      // The plain answer is unchanged: live rows only.
      const plain = (
        await request(server, 'GET', `/1/skeletons/${skid}/compact-detail`)
      ).json() as [unknown[]];
      expect(plain[0]).toHaveLength(live.size);
    }
    expect(deleted).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
  });

  it('change-history rows account for every live node of the skeleton', async () => {
    let merges = 0;
    for (const skid of skids.slice(0, 30)) {
      const rows = (
        await request(server, 'GET', '/1/skeletons/change-history', [
          ['skeleton_ids[0]', String(skid)],
        ])
      ).json() as [number[], number, number, number][];
      const [nodes] = await history(skid);
      const liveCount = nodes.filter((r) => r[10] === 1).length;
      expect(rows.every((r) => r[0][r[0].length - 1] === skid)).toBe(true);
      expect(rows.reduce((sum, r) => sum + r[3], 0)).toBe(liveCount);
      if (rows.some((r) => r[0].length > 1)) merges++;
    }
    expect(merges).toBeGreaterThan(0);
  });

  it('import-info answers the imported nodes of each known skeleton, as its summary counts them', async () => {
    const skid = skids[0] ?? 0;
    const form: [string, string][] = [
      ['skeleton_ids[0]', String(skid)],
      ['skeleton_ids[1]', '999999999'],
    ];
    const answer = await request(server, 'POST', '/1/skeletons/import-info', form);
    const summary = (await request(server, 'POST', '/1/skeletons/summary', form)).json() as Record<
      string,
      { num_imported_nodes: number }
    >;
    const n = summary[String(skid)]?.num_imported_nodes;
    expect(n).toBeTypeOf('number');
    expect(answer.json()).toEqual({ [skid]: { n_imported_treenodes: n } });
  });
});
