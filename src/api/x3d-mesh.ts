/**
 * Volume meshes as CATMAID sends them (API ref §8): PostGIS `ST_AsX3D` strings, usually
 * `<IndexedTriangleSet index='…'><Coordinate point='…'/></IndexedTriangleSet>`, sometimes
 * `<IndexedFaceSet coordIndex='… -1 …'>` (polygons separated by -1, fanned into triangles here).
 * Decoded once into typed arrays; pure, so it can run anywhere.
 */
import { SchemaError } from '../lib/http/errors.ts';

export interface TriangleMesh {
  /** xyz interleaved, nm. */
  positions: Float32Array;
  /** Vertex indices, three per triangle. */
  indices: Uint32Array;
}

function attribute(x3d: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*(['"])([^'"]*)\\1`).exec(x3d);
  return match ? (match[2] ?? '') : null;
}

function numbers(text: string): number[] {
  const out: number[] = [];
  for (const token of text.split(/[\s,]+/)) {
    if (token === '') continue;
    out.push(Number(token));
  }
  return out;
}

function fanFaces(coordIndex: number[]): number[] {
  const out: number[] = [];
  let face: number[] = [];
  const flush = () => {
    const first = face[0];
    if (first !== undefined) {
      for (let i = 1; i + 1 < face.length; i++) out.push(first, face[i] ?? 0, face[i + 1] ?? 0);
    }
    face = [];
  };
  for (const i of coordIndex) {
    if (i < 0) flush();
    else face.push(i);
  }
  flush();
  return out;
}

/** An empty string or null (a volume without mesh) gives an empty mesh. */
export function parseX3dMesh(x3d: string | null | undefined, endpoint: string): TriangleMesh {
  if (!x3d || x3d.trim() === '') {
    return { positions: new Float32Array(0), indices: new Uint32Array(0) };
  }
  const fail = (what: string): never => {
    throw new SchemaError(endpoint, `volume mesh: ${what}`);
  };
  const point = attribute(x3d, 'point') ?? fail('no <Coordinate point=…>');
  const coords = numbers(point);
  if (coords.length % 3 !== 0 || coords.some((v) => !Number.isFinite(v)))
    fail('Coordinate point is not a list of xyz triplets');
  let triangles: number[];
  if (/<IndexedTriangleSet\b/i.test(x3d)) {
    triangles = numbers(attribute(x3d, 'index') ?? fail('IndexedTriangleSet without index'));
  } else if (/<IndexedFaceSet\b/i.test(x3d)) {
    triangles = fanFaces(
      numbers(attribute(x3d, 'coordIndex') ?? fail('IndexedFaceSet without coordIndex')),
    );
  } else {
    return fail('expected an IndexedTriangleSet or IndexedFaceSet');
  }
  const vertexCount = coords.length / 3;
  if (triangles.length % 3 !== 0) fail('triangle index count is not a multiple of 3');
  if (triangles.some((i) => !Number.isInteger(i) || i < 0 || i >= vertexCount))
    fail('triangle index out of range');
  return { positions: Float32Array.from(coords), indices: Uint32Array.from(triangles) };
}
