/**
 * Decoders of the region features against real CATMAID answers: the L1 CNS outline volume (a
 * 30k-triangle mesh with a bbox), the volume table, and `connectors/` (the shape the
 * with-partners decoder reads; this recording asked without partners, so `partners` is `{}`).
 */
import { describe, expect, it } from 'vitest';
import { hasShared, recording, recordingText } from '../../test-support/shared-fixtures.ts';
import { fetchConnectorsWithPartners } from './connector-partners.ts';
import { fakeScope } from './fake-scope.ts';
import { decodeVolumeList, fetchVolume } from './volumes.ts';

const replay = (file: string) =>
  fakeScope(() => ({ status: recording(file).status, body: recordingText(file) }));

describe.skipIf(!hasShared)('region decoders against real CATMAID responses', () => {
  it('reads the L1 CNS outline: 29,984 triangles and the server bounding box', async () => {
    const { scope, fake } = replay('p6-volume-5.json');
    const v = await fetchVolume(scope, 5);
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/volumes/5/');
    expect(v.name).toBe('L1 CNS outline (Seymour)');
    expect(v.mesh.indices.length / 3).toBe(29984);
    expect(v.bbox).toEqual({
      min: [9539.94, 14556.51, 21339.83],
      max: [96425.79, 96213.42, 229349.44],
    });
    // The mesh lies within the bounding box the server reports.
    let maxZ = -Infinity;
    for (let i = 2; i < v.mesh.positions.length; i += 3)
      maxZ = Math.max(maxZ, v.mesh.positions[i] ?? 0);
    expect(maxZ).toBeCloseTo(229349.44, 0);
  });

  it('reads the volume table', () => {
    expect(decodeVolumeList(JSON.parse(recordingText('p6-volumes.json')))).toEqual([
      {
        id: 5,
        name: 'L1 CNS outline (Seymour)',
        comment: expect.stringContaining('navis-flybrains') as unknown as string,
      },
    ]);
  });

  it('reads connectors/ rows (89 connectors, partners {} when not asked)', async () => {
    const { scope, fake } = fakeScope((call) =>
      call.url.includes('/connectors/types/')
        ? {
            // The documented shape (API ref §5.4); no recording of it exists.
            body: [
              {
                name: 'Presynaptic',
                type: 'Synaptic',
                type_id: 'synaptic-connector',
                relation: 'presynaptic_to',
                relation_id: 12,
                isreciprocal: false,
                cardinality: 1,
                partner_reference: 'outgoing',
                partner_relation: 'postsynaptic_to',
              },
              {
                name: 'Postsynaptic',
                type: 'Synaptic',
                type_id: 'synaptic-connector',
                relation: 'postsynaptic_to',
                relation_id: 13,
                isreciprocal: false,
                cardinality: 1,
                partner_reference: 'incoming',
                partner_relation: 'presynaptic_to',
              },
            ],
          }
        : { status: 200, body: recordingText('p6-connectors-list.json') },
    );
    const rows = await fetchConnectorsWithPartners(scope, [102994]);
    expect(rows).toHaveLength(89);
    expect(rows[0]).toEqual({ connectorId: 74080, x: 31441.2, y: 62821.6, z: 37300, links: [] });
    const post = fake.calls.find((c) => c.url.endsWith('/6/connectors/'));
    expect(post?.body).toContain('with_partners=true');
  });
});
