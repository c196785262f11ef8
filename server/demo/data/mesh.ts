/**
 * Closed triangle meshes of the neuropil ellipsoids (subdivided icosahedron), and CATMAID's
 * X3D serialisation of a PostGIS TIN: unshared vertices, `index` = 0..3n-1 (catmaid-api.md §8).
 */
import type { VolumeMeta } from './types.ts';

type V = [number, number, number];

function icosphere(subdivisions: number): { vertices: V[]; faces: [number, number, number][] } {
  const t = (1 + Math.sqrt(5)) / 2;
  const base: V[] = [
    [-1, t, 0],
    [1, t, 0],
    [-1, -t, 0],
    [1, -t, 0],
    [0, -1, t],
    [0, 1, t],
    [0, -1, -t],
    [0, 1, -t],
    [t, 0, -1],
    [t, 0, 1],
    [-t, 0, -1],
    [-t, 0, 1],
  ];
  const vertices: V[] = base.map(([x, y, z]) => {
    const l = Math.hypot(x, y, z);
    return [x / l, y / l, z / l];
  });
  const vertex = (i: number): V => vertices[i] ?? [0, 0, 0];
  let faces: [number, number, number][] = [
    [0, 11, 5],
    [0, 5, 1],
    [0, 1, 7],
    [0, 7, 10],
    [0, 10, 11],
    [1, 5, 9],
    [5, 11, 4],
    [11, 10, 2],
    [10, 7, 6],
    [7, 1, 8],
    [3, 9, 4],
    [3, 4, 2],
    [3, 2, 6],
    [3, 6, 8],
    [3, 8, 9],
    [4, 9, 5],
    [2, 4, 11],
    [6, 2, 10],
    [8, 6, 7],
    [9, 8, 1],
  ];
  for (let s = 0; s < subdivisions; s++) {
    const midCache = new Map<string, number>();
    const mid = (i: number, j: number): number => {
      const key = i < j ? `${i},${j}` : `${j},${i}`;
      const hit = midCache.get(key);
      if (hit !== undefined) return hit;
      const a = vertex(i);
      const b = vertex(j);
      const m: V = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
      const l = Math.hypot(m[0], m[1], m[2]);
      vertices.push([m[0] / l, m[1] / l, m[2] / l]);
      midCache.set(key, vertices.length - 1);
      return vertices.length - 1;
    };
    faces = faces.flatMap(([a, b, c]) => {
      const ab = mid(a, b);
      const bc = mid(b, c);
      const ca = mid(c, a);
      return [
        [a, ab, ca],
        [b, bc, ab],
        [c, ca, bc],
        [ab, bc, ca],
      ] as [number, number, number][];
    });
  }
  return { vertices, faces };
}

export interface VolumeMesh {
  triangles: V[][];
  area: number;
  volume: number;
  min: V;
  max: V;
  x3d: string;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

export function ellipsoidMesh(v: VolumeMeta): VolumeMesh {
  const { vertices, faces } = icosphere(3);
  const pts: V[] = vertices.map((p) => [
    round2(v.centre[0] + p[0] * v.radii[0]),
    round2(v.centre[1] + p[1] * v.radii[1]),
    round2(v.centre[2] + p[2] * v.radii[2]),
  ]);
  const triangles = faces.map((f) => f.map((i): V => pts[i] ?? [0, 0, 0]));
  let area = 0;
  let volume = 0;
  for (const [a, b, c] of triangles as [V, V, V][]) {
    const u: V = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const w: V = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    const n: V = [u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]];
    area += Math.hypot(n[0], n[1], n[2]) / 2;
    volume +=
      (a[0] * (b[1] * c[2] - b[2] * c[1]) -
        a[1] * (b[0] * c[2] - b[2] * c[0]) +
        a[2] * (b[0] * c[1] - b[1] * c[0])) /
      6;
  }
  const min: V = [0, 1, 2].map((k) => Math.min(...pts.map((p) => p[k] ?? 0))) as V;
  const max: V = [0, 1, 2].map((k) => Math.max(...pts.map((p) => p[k] ?? 0))) as V;
  const index = triangles.map((_, i) => `${3 * i} ${3 * i + 1} ${3 * i + 2}`).join(' ');
  const point = triangles
    .flat()
    .map((p) => p.join(' '))
    .join(' ');
  const x3d = `<IndexedTriangleSet  index='${index}'><Coordinate point='${point}'/></IndexedTriangleSet>`;
  return { triangles, area, volume: Math.abs(volume), min, max, x3d };
}
