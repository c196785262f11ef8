import { describe, expect, it } from 'vitest';
import { SchemaError } from '../lib/http/errors.ts';
import { fakeScope } from './fake-scope.ts';
import {
  decodeConnectorsInBox,
  fetchConnectorsInBox,
  fetchSkeletonInnervations,
  fetchSkeletonsInBox,
  fetchVolumeIntersects,
} from './spatial-queries.ts';

const box = { min: [1, 2, 3], max: [4, 5, 6] } as const;

describe('bounding-box queries', () => {
  it('asks skeletons/in-bounding-box with the box or a volume id, and sorts the answer', async () => {
    const { scope, fake } = fakeScope(() => ({ body: [30, 10, 20, 10] }));
    expect(await fetchSkeletonsInBox(scope, { where: { box }, minNodes: 2 })).toEqual([10, 20, 30]);
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/skeletons/in-bounding-box');
    expect(fake.calls[0]?.body).toBe('minx=1&miny=2&minz=3&maxx=4&maxy=5&maxz=6&min_nodes=2');
    await fetchSkeletonsInBox(scope, { where: { volumeId: 9 }, skeletonIds: [5] });
    expect(decodeURIComponent(fake.calls[1]?.body ?? '')).toBe('volume_id=9&skeleton_ids[0]=5');
  });

  it('never sends a limit to connectors/in-bounding-box and reads the 11-column link rows', async () => {
    const row = [
      7,
      1.5,
      2.5,
      3.5,
      40,
      5,
      3,
      900,
      '2026-10-22T09:14:55Z',
      '2026-10-22T09:14:55Z',
      12,
    ];
    const { scope, fake } = fakeScope(() => ({
      body: [row, [8, 0, 0, 0, null, null, null, null, null, null, null]],
    }));
    const links = await fetchConnectorsInBox(scope, box);
    expect(fake.calls[0]?.body).not.toContain('limit');
    expect(fake.calls[0]?.body).toContain('with_locations=true&with_links=true');
    expect(links[0]).toEqual({
      connectorId: 7,
      x: 1.5,
      y: 2.5,
      z: 3.5,
      skeletonId: 40,
      treenodeId: 900,
      relationId: 12,
      confidence: 5,
      userId: 3,
      creationTime: Date.UTC(2026, 9, 22, 9, 14, 55),
    });
    expect(links[1]?.skeletonId).toBeNull();
    expect(() => decodeConnectorsInBox([[7, 1, 2, 3]])).toThrow(SchemaError);
    expect(() => decodeConnectorsInBox({})).toThrow(SchemaError);
  });

  it('reads skeleton-innervations, and asks nothing for no skeletons', async () => {
    const { scope, fake } = fakeScope(() => ({ body: [{ skeleton_id: 5, volume_ids: [3, 1] }] }));
    expect(await fetchSkeletonInnervations(scope, [])).toEqual(new Map());
    expect(fake.calls).toHaveLength(0);
    expect(await fetchSkeletonInnervations(scope, [5, 6])).toEqual(new Map([[5, [1, 3]]]));
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/volumes/skeleton-innervations');
  });

  it('reads the volume intersect test', async () => {
    const { scope, fake } = fakeScope(() => ({ body: { intersects: true } }));
    expect(await fetchVolumeIntersects(scope, { volumeId: 4, x: 1, y: 2, z: 3 })).toBe(true);
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/volumes/4/intersect?x=1&y=2&z=3');
  });
});
