/**
 * The partner table against real ground truth: the olfactory 6-neuron set (navis fixture,
 * expected_adjacency.json, original skeleton ids) and CATMAID's answer for the same neurons.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dataJson,
  hasShared,
  recordingJson,
  recordingsDir,
} from '../../test-support/shared-fixtures.ts';
import { connectivitySchema, decodeConnectivity } from '../api/connectivity.ts';
import { buildPartnerTable, defaultPartnerFilter } from './partner-table.ts';

function idMap(): Map<number, number> {
  const lines = readFileSync(`${recordingsDir}/skeleton-id-map.csv`, 'utf8').trim().split('\n');
  const out = new Map<number, number>();
  for (const line of lines.slice(1)) {
    const cols = line.split(',');
    out.set(Number(cols[4]), Number(cols[5]));
  }
  return out;
}

// Loaded inside the tests: a describe body runs even when skipped, and ../shared may be absent.
function fixture() {
  const expected = dataJson('l1-larva-olfactory-6-neurons/expected_adjacency.json') as Record<
    string,
    Record<string, number>
  >;
  const toNew = idMap();
  const sources = Object.keys(expected).map((k) => toNew.get(Number(k)) ?? -1);
  const c = decodeConnectivity(
    connectivitySchema.parse(recordingJson('p6-skeletons-connectivity-olfactory-OR.json')),
    sources,
  );
  const filter = { ...defaultPartnerFilter, sources };
  const up = buildPartnerTable(c.upstream, filter, { names: new Map() });
  const down = buildPartnerTable(c.downstream, filter, { names: new Map() });
  return { expected, toNew, sources, c, filter, up, down };
}

describe.skipIf(!hasShared)('partner table vs expected_adjacency.json', () => {
  it('every pre → post count among the six matches, in both tables', () => {
    const { expected, toNew, sources, up, down } = fixture();
    let checked = 0;
    for (const [pre, posts] of Object.entries(expected)) {
      for (const [post, n] of Object.entries(posts)) {
        const preId = toNew.get(Number(pre)) ?? -1;
        const postId = toNew.get(Number(post)) ?? -1;
        const downRow = down.rows.find((r) => r.partnerId === postId);
        const upRow = up.rows.find((r) => r.partnerId === preId);
        expect(downRow?.counts[sources.indexOf(preId)] ?? 0, `${pre}→${post}`).toBe(n);
        expect(upRow?.counts[sources.indexOf(postId)] ?? 0, `${pre}→${post}`).toBe(n);
        checked++;
      }
    }
    expect(checked).toBe(36);
  });

  it('AND on two sources computed client-side equals the server AND answer', () => {
    const { c } = fixture();
    const pair = [102945, 102994];
    const and = decodeConnectivity(
      connectivitySchema.parse(recordingJson('p6-skeletons-connectivity-ORN-PN-AND.json')),
      pair,
    );
    const f = { ...defaultPartnerFilter, sources: pair, op: 'AND' as const };
    for (const side of ['upstream', 'downstream'] as const) {
      const ours = buildPartnerTable(c[side], f, { names: new Map() });
      const server = buildPartnerTable(and[side], f, { names: new Map() });
      expect(ours.rows).toEqual(server.rows);
      expect(ours.rows.length).toBe(and[side].length);
    }
  });

  it('a threshold of 10 keeps only strong partners and the total follows', () => {
    const { c, filter, down } = fixture();
    const t = buildPartnerTable(c.downstream, { ...filter, minSynapses: 10 }, { names: new Map() });
    for (const r of t.rows) expect(Math.max(...r.counts)).toBeGreaterThanOrEqual(10);
    expect(t.total).toBe(t.rows.reduce((s, r) => s + r.total, 0));
    expect(t.total).toBeLessThan(down.total);
  });
});
