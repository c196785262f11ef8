import { describe, expect, it } from 'vitest';
import { hasShared, recordingText } from '../../../test-support/shared-fixtures.ts';
import type { TriangleMesh } from '../../api/x3d-mesh.ts';
import { parseX3dMesh } from '../../api/x3d-mesh.ts';
import { isWatertight } from './mesh-topology.ts';
import { buildMeshIndex } from './point-in-mesh.ts';

type V = [number, number, number];

/** Unshared vertices, as CATMAID sends them: every triangle has its own three. */
function meshOf(triangles: [V, V, V][]): TriangleMesh {
  return {
    positions: Float32Array.from(triangles.flat(2)),
    indices: Uint32Array.from(triangles.flatMap((_, i) => [3 * i, 3 * i + 1, 3 * i + 2])),
  };
}

/** Axis-aligned box [0,s]³ as 12 triangles; `open` drops the two top (+z) triangles. */
function cube(s: number, open = false): TriangleMesh {
  const c = (x: number, y: number, z: number): V => [x * s, y * s, z * s];
  const quads: [V, V, V, V][] = [
    [c(0, 0, 0), c(1, 0, 0), c(1, 1, 0), c(0, 1, 0)],
    [c(0, 0, 1), c(0, 1, 1), c(1, 1, 1), c(1, 0, 1)],
    [c(0, 0, 0), c(0, 0, 1), c(1, 0, 1), c(1, 0, 0)],
    [c(0, 1, 0), c(1, 1, 0), c(1, 1, 1), c(0, 1, 1)],
    [c(0, 0, 0), c(0, 1, 0), c(0, 1, 1), c(0, 0, 1)],
    [c(1, 0, 0), c(1, 0, 1), c(1, 1, 1), c(1, 1, 0)],
  ];
  const used = open ? quads.filter((_, i) => i !== 1) : quads;
  return meshOf(
    used.flatMap(([a, b, c2, d]) => [[a, b, c2] as [V, V, V], [a, c2, d] as [V, V, V]]),
  );
}

describe('watertightness', () => {
  it('welds unshared vertices by position: a closed cube is watertight, a lidless one is not', () => {
    expect(isWatertight(cube(10))).toBe(true);
    expect(isWatertight(cube(10, true))).toBe(false);
  });
});

describe('point in a watertight mesh (ray parity)', () => {
  const box = buildMeshIndex(cube(1000));
  it('uses ray parity', () => {
    expect(box.method).toBe('ray-parity');
  });
  it('tells inside from outside, including points whose ray would graze an edge', () => {
    expect(box.contains(500, 500, 500)).toBe(true);
    expect(box.contains(1, 1, 1)).toBe(true);
    expect(box.contains(999, 500, 2)).toBe(true);
    expect(box.contains(-1, 500, 500)).toBe(false);
    expect(box.contains(500, 500, 1001)).toBe(false);
    expect(box.contains(2000, 2000, 2000)).toBe(false);
    // Inside the bounding box is not enough: below a tilted face of a tetrahedron.
    const tet = buildMeshIndex(
      meshOf([
        [
          [0, 0, 0],
          [0, 100, 0],
          [100, 0, 0],
        ],
        [
          [0, 0, 0],
          [100, 0, 0],
          [0, 0, 100],
        ],
        [
          [0, 0, 0],
          [0, 0, 100],
          [0, 100, 0],
        ],
        [
          [100, 0, 0],
          [0, 100, 0],
          [0, 0, 100],
        ],
      ]),
    );
    expect(tet.watertight).toBe(true);
    expect(tet.contains(10, 10, 10)).toBe(true);
    expect(tet.contains(60, 60, 60)).toBe(false);
  });
  it('counts points on faces, edges and vertices as inside', () => {
    expect(box.contains(1000, 500, 500)).toBe(true);
    expect(box.contains(500, 0, 500)).toBe(true);
    expect(box.contains(1000, 1000, 500)).toBe(true);
    expect(box.contains(0, 0, 0)).toBe(true);
    expect(box.contains(1000.5, 500, 500)).toBe(false);
  });
});

describe('point in a mesh with a hole (ray vote + winding number)', () => {
  const lidless = buildMeshIndex(cube(1000, true));
  it('says which test it used', () => {
    expect(lidless.watertight).toBe(false);
    expect(lidless.method).toBe('ray-vote-winding');
  });
  it('still finds points deep inside, including right below the missing lid', () => {
    expect(lidless.contains(500, 500, 100)).toBe(true);
    expect(lidless.contains(500, 500, 900)).toBe(true);
    expect(lidless.contains(100, 900, 500)).toBe(true);
    expect(lidless.contains(500, 500, -50)).toBe(false);
    expect(lidless.contains(1500, 500, 500)).toBe(false);
  });
  it('counts points on the remaining faces as inside', () => {
    expect(lidless.contains(0, 500, 500)).toBe(true);
    expect(lidless.contains(500, 500, 0)).toBe(true);
  });
});

describe.skipIf(!hasShared)('the real L1 CNS outline (p6-volume-5.json, not watertight)', () => {
  const load = () => {
    const raw = JSON.parse(recordingText('p6-volume-5.json')) as {
      mesh: string;
      bbox: { min: Record<string, number>; max: Record<string, number> };
    };
    const mesh = parseX3dMesh(raw.mesh, 'GET /{pid}/volumes/{vid}/');
    return { raw, mesh, index: buildMeshIndex(mesh) };
  };
  it("is read as a mesh with open edges, matching the server's watertight: false", () => {
    const { mesh, index } = load();
    expect(mesh.indices.length).toBe(89952);
    expect(index.watertight).toBe(false);
    expect(index.method).toBe('ray-vote-winding');
  });
  it('excludes the far corners of its bounding box and includes its surface', () => {
    const { raw, mesh, index } = load();
    const { min, max } = raw.bbox;
    expect(index.contains(min.x ?? 0, min.y ?? 0, min.z ?? 0)).toBe(false);
    expect(index.contains(max.x ?? 0, max.y ?? 0, max.z ?? 0)).toBe(false);
    const v = [...mesh.positions.slice(0, 3)];
    expect(index.contains(v[0] ?? 0, v[1] ?? 0, v[2] ?? 0)).toBe(true);
  });
});
