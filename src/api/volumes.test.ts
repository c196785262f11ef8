import { describe, expect, it } from 'vitest';
import { SchemaError } from '../lib/http/errors.ts';
import { fakeScope } from './fake-scope.ts';
import { decodeVolumeList, fetchVolume, parseX3dMesh } from './volumes.ts';

describe('X3D mesh parser', () => {
  it('reads an IndexedTriangleSet (two spaces after the tag, single quotes)', () => {
    const m = parseX3dMesh(
      "<IndexedTriangleSet  index='0 1 2 3 4 5'><Coordinate point='1900 1500 850 1900 3100 850 3700 1500 850 0 0 0 1 0 0 0 1 0'/></IndexedTriangleSet>",
      'e',
    );
    expect(m.positions.length).toBe(18);
    expect([...m.indices]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(m.positions[0]).toBe(1900);
  });

  it('fans IndexedFaceSet polygons (separated by -1) into triangles', () => {
    const m = parseX3dMesh(
      "<IndexedFaceSet coordIndex='0 1 2 3 -1 0 3 4 -1'><Coordinate point='0 0 0 1 0 0 1 1 0 0 1 0 0 0 1'/></IndexedFaceSet>",
      'e',
    );
    expect([...m.indices]).toEqual([0, 1, 2, 0, 2, 3, 0, 3, 4]);
  });

  it('gives an empty mesh for none, and a SchemaError for broken ones', () => {
    expect(parseX3dMesh(null, 'e').indices.length).toBe(0);
    expect(() =>
      parseX3dMesh(
        "<IndexedTriangleSet index='0 1 5'><Coordinate point='0 0 0 1 1 1 2 2 2'/></IndexedTriangleSet>",
        'e',
      ),
    ).toThrow(SchemaError);
    expect(() => parseX3dMesh("<Box size='1 1 1'/>", 'e')).toThrow(/Coordinate/);
    expect(() =>
      parseX3dMesh(
        "<IndexedTriangleSet index='0 1 2'><Coordinate point='0 0 0 1 1'/></IndexedTriangleSet>",
        'e',
      ),
    ).toThrow(/triplets/);
  });
});

describe('volume list and detail', () => {
  it('reads the columns/data table and the legacy array', () => {
    const table = { columns: ['id', 'name', 'comment'], data: [[1, 'MB calyx', null]] };
    expect(decodeVolumeList(table)).toEqual([{ id: 1, name: 'MB calyx', comment: '' }]);
    expect(decodeVolumeList({ columns: ['name', 'id'], aaData: [['LH', 3]] })).toEqual([
      { id: 3, name: 'LH', comment: '' },
    ]);
    expect(decodeVolumeList([{ id: 2, name: 'AL', comment: 'x' }])).toEqual([
      { id: 2, name: 'AL', comment: 'x' },
    ]);
    expect(() => decodeVolumeList({ columns: ['x'], data: [] })).toThrow(SchemaError);
  });

  it('fetches one volume with its mesh from the slash-terminated URL', async () => {
    const { scope, fake } = fakeScope(() => ({
      body: {
        id: 4,
        name: 'LH',
        comment: null,
        mesh: "<IndexedTriangleSet  index='0 1 2'><Coordinate point='0 0 0 1 0 0 0 1 0'/></IndexedTriangleSet>",
      },
    }));
    const v = await fetchVolume(scope, 4);
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/volumes/4/');
    expect(v.mesh.indices.length).toBe(3);
  });
});
