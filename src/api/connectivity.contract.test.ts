import { describe, expect, it } from 'vitest';
import {
  hasShared,
  recording,
  recordingJson,
  recordingText,
} from '../../test-support/shared-fixtures.ts';
import { connectivitySchema, decodeConnectivity, fetchConnectivity } from './connectivity.ts';
import { adjacencyCount, fetchConnectivityMatrix } from './connectivity-matrix.ts';
import { callParams, fakeScope } from './fake-scope.ts';

const sourcesOf = (file: string) =>
  recording(file)
    .params.filter(([k]) => k.startsWith('source_skeleton_ids'))
    .map(([, v]) => Number(v));

describe.skipIf(!hasShared)('connectivity against real CATMAID responses', () => {
  it.each([
    'p6-skeletons-connectivity-olfactory-OR.json',
    'p6-skeletons-connectivity-nociceptive-OR.json',
  ])('%s: same request, every partner decoded', async (file) => {
    const sources = sourcesOf(file);
    const { scope, fake } = fakeScope(() => ({ body: recordingText(file) }));
    const c = await fetchConnectivity(scope, sources);
    expect(callParams(fake.calls[0])).toEqual(recording(file).params);
    const raw = recordingJson(file) as { incoming: object; outgoing: object };
    expect(c.upstream).toHaveLength(Object.keys(raw.incoming).length);
    expect(c.downstream).toHaveLength(Object.keys(raw.outgoing).length);
    for (const p of [...c.upstream, ...c.downstream]) {
      expect(p.nodeCount).toBeGreaterThan(0);
      for (const s of p.bins.keys()) expect(sources).toContain(s);
    }
  });

  it('decodes the AND recording (1a ORN right ∧ 1a PN right)', () => {
    const wire = connectivitySchema.parse(
      recordingJson('p6-skeletons-connectivity-ORN-PN-AND.json'),
    );
    const c = decodeConnectivity(wire, [102945, 102994]);
    expect(c.downstream.find((p) => p.partnerId === 103006)?.bins.get(102945)).toEqual([
      0, 0, 0, 0, 55,
    ]);
    expect(c.upstreamReviewers).toEqual([10, 14]);
  });

  it('matrix: same request, sparse counts decoded', async () => {
    const file = 'p6-connectivity-matrix-olfactory.json';
    const rec = recording(file);
    const rows = rec.params.filter(([k]) => k.startsWith('rows')).map(([, v]) => Number(v));
    const { scope, fake } = fakeScope(() => ({ body: recordingText(file) }));
    const m = await fetchConnectivityMatrix(scope, rows, rows);
    expect(callParams(fake.calls[0])).toEqual(rec.params);
    // README: 1a ORN → picky 3 has 55 synapses, 1a ORN → 1a PN 41.
    expect(adjacencyCount(m, 102945, 103006)).toBe(55);
    expect(adjacencyCount(m, 102945, 102994)).toBe(41);
    expect(adjacencyCount(m, 102994, 102945)).toBe(0);
  });

  it('matrix: a malformed id is a typed 400, not a crash', async () => {
    const { scope } = fakeScope(() => ({
      status: 400,
      body: recordingText('error-malformed-skeleton-id.json'),
    }));
    await expect(fetchConnectivityMatrix(scope, [1], [2])).rejects.toMatchObject({ status: 400 });
  });
});
