import { describe, expect, it } from 'vitest';
import { volumesToObj, volumesToStl } from './volume-mesh-export.ts';

/** A tetrahedron with unshared vertices (as CATMAID sends meshes). */
const tet = {
  positions: Float32Array.from([
    0, 0, 0, 0, 100, 0, 100, 0, 0, 0, 0, 0, 100, 0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 100, 0, 100, 0,
    100, 0, 0, 0, 100, 0, 0, 0, 100,
  ]),
  indices: Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
};

describe('volume mesh export', () => {
  it('writes OBJ with welded vertices, 1-based faces offset per object', () => {
    const obj = volumesToObj([
      { name: 'antennal lobe left', mesh: tet },
      { name: 'LH', mesh: tet },
    ]);
    const lines = obj.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('o '))).toEqual(['o antennal_lobe_left', 'o LH']);
    expect(lines.filter((l) => l.startsWith('v '))).toHaveLength(8);
    const faces = lines
      .filter((l) => l.startsWith('f '))
      .map((l) => l.slice(2).split(' ').map(Number));
    expect(faces).toHaveLength(8);
    expect(Math.max(...faces.flat())).toBe(8);
    expect(Math.min(...faces.slice(4).flat())).toBe(5);
  });

  it('writes ASCII STL with unit normals', () => {
    const stl = volumesToStl([{ name: 'LH', mesh: tet }]);
    expect(stl.startsWith('solid LH\n')).toBe(true);
    expect(stl.trim().endsWith('endsolid LH')).toBe(true);
    expect(stl.match(/facet normal/g)).toHaveLength(4);
    const first = /facet normal (\S+) (\S+) (\S+)/.exec(stl);
    expect(first?.slice(1).map(Number)).toEqual([0, 0, -1]);
  });
});
