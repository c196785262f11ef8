/**
 * The graph endpoints (graph/dps, graph/directedpaths, graph/circlesofhell) and the gap
 * junctions agree with the partner tables of skeletons/connectivity, and the demo circuit has
 * what the Circuits view needs: multi-hop paths and gap junctions between same-type neurons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from './server.ts';
import { indexed, request, startTestServer } from './testing/demo-client.ts';

type Partners = Record<string, { num_nodes: number; skids: Record<string, number[]> }>;
const sum = (h: number[] | undefined): number => (h ?? []).reduce((x, y) => x + y, 0);

describe('graph endpoints', () => {
  let server: DemoServer;
  let skids: number[] = [];
  /** pre → post → synapses, from skeletons/connectivity. */
  const down = new Map<number, Map<number, number>>();
  beforeAll(async () => {
    server = await startTestServer();
    skids = (await request(server, 'GET', '/1/skeletons/')).json() as number[];
    const conn = (
      await request(
        server,
        'POST',
        '/1/skeletons/connectivity',
        indexed('source_skeleton_ids', skids),
      )
    ).json() as { outgoing: Partners };
    for (const [post, p] of Object.entries(conn.outgoing))
      for (const [pre, h] of Object.entries(p.skids)) {
        const row = down.get(Number(pre)) ?? new Map<number, number>();
        row.set(Number(post), sum(h));
        down.set(Number(pre), row);
      }
  });
  afterAll(() => server?.close());

  /** Every simple path of ≤ hops hops, each hop ≥ min, as in networkx all_simple_paths. */
  function paths(s: number, t: number, hops: number, min: number): number[][] {
    const out: number[][] = [];
    const walk = (path: number[]) => {
      const last = path[path.length - 1] ?? 0;
      if (last === t && path.length > 1) return void out.push(path);
      if (path.length > hops) return;
      for (const [next, n] of down.get(last) ?? [])
        if (n >= min && !path.includes(next)) walk([...path, next]);
    };
    walk([s]);
    return out;
  }

  it('has multi-hop paths and directedpaths lists exactly them', async () => {
    // Find a pair connected only through other neurons at ≥ 2 synapses per hop.
    let found: [number, number] | null = null;
    for (const s of skids) {
      for (const t of skids)
        if (
          s !== t &&
          !(down.get(s)?.get(t) ?? 0) &&
          paths(s, t, 3, 2).some((p) => p.length === 4)
        ) {
          found = [s, t];
          break;
        }
      if (found) break;
    }
    expect(found).not.toBeNull();
    const [s, t] = found ?? [0, 0];
    const answer = (
      await request(server, 'POST', '/1/graph/directedpaths', [
        ['sources[0]', String(s)],
        ['targets[0]', String(t)],
        ['path_length', '4'],
        ['min_synapses', '2'],
      ])
    ).json() as number[][];
    const key = (p: number[]) => p.join('>');
    expect(answer.map(key).sort()).toEqual(paths(s, t, 3, 2).map(key).sort());
    // dps per hop count (as pymaid asks) names every neuron on those paths.
    const onPaths = new Set(answer.flat());
    const named = new Set<number>();
    for (const hops of [1, 2, 3]) {
      const r = (
        await request(server, 'POST', '/1/graph/dps', [
          ['sources[0]', String(s)],
          ['targets[0]', String(t)],
          ['n_hops', String(hops)],
          ['min_synapses', '2'],
        ])
      ).json() as number[];
      for (const id of r) named.add(id);
    }
    for (const id of onPaths) expect(named.has(id)).toBe(true);
  });

  it('dps without min_synapses finds only the ends, and fails without targets', async () => {
    const [s, t] = [skids[0] ?? 0, skids[1] ?? 0];
    const r = await request(server, 'POST', '/1/graph/dps', [
      ['sources[0]', String(s)],
      ['targets[0]', String(t)],
      ['n_hops', '3'],
    ]);
    expect((r.json() as number[]).sort()).toEqual([s, t].sort());
    const bad = await request(server, 'POST', '/1/graph/dps', [['sources[0]', String(s)]]);
    expect(bad.status).toBe(500);
  });

  it('circlesofhell grows from single-member counts', async () => {
    const seed = skids[0] ?? 0;
    const r = (
      await request(server, 'POST', '/1/graph/circlesofhell', [
        ['skeleton_ids[0]', String(seed)],
        ['n_circles', '1'],
        ['min_pre', '-1'],
        ['min_post', '2'],
      ])
    ).json() as [number[], Record<string, string>];
    const expected = [...(down.get(seed) ?? [])].filter(([, n]) => n >= 2).map(([id]) => id);
    expect([...r[0]].sort()).toEqual(expected.sort());
    expect(Object.keys(r[1]).length).toBe(r[0].length);
  });
});

describe('gap junctions', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('are a link type of the project, symmetric, and listed between their neurons', async () => {
    const types = (await request(server, 'GET', '/1/connectors/types/')).json() as {
      type_id: string;
      relation: string;
    }[];
    expect(types.map((t) => t.type_id)).toContain('gapjunction-connector');
    const skids = (await request(server, 'GET', '/1/skeletons/')).json() as number[];
    const conn = (
      await request(server, 'POST', '/1/skeletons/connectivity', [
        ...indexed('source_skeleton_ids', skids),
        ['link_types[0]', 'gapjunction'],
      ])
    ).json() as { gapjunction: Partners; gapjunction_reviewers: number[] };
    expect(Object.keys(conn)).toEqual(['gapjunction', 'gapjunction_reviewers']);
    const pairs: [number, number, number][] = [];
    for (const [partner, p] of Object.entries(conn.gapjunction))
      for (const [src, h] of Object.entries(p.skids))
        pairs.push([Number(src), Number(partner), sum(h)]);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [a, b, n] of pairs) expect(pairs).toContainEqual([b, a, n]);
    const [a, b, n] = pairs[0] ?? [0, 0, 0];
    const rows = (
      await request(server, 'POST', '/1/connector/list/many_to_many', [
        ['skids1[0]', String(a)],
        ['skids2[0]', String(b)],
        ['relation', 'gapjunction_with'],
      ])
    ).json() as unknown[][];
    expect(rows).toHaveLength(n);
    expect(rows[0]).toHaveLength(12);
  });
});
