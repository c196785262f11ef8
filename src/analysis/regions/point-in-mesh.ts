/**
 * Point-in-mesh tests for volume meshes, over a three-mesh-bvh index so a test costs a few tree
 * walks instead of a pass over every triangle.
 *
 * Rules:
 * - Outside the mesh's bounding box: outside (cheap reject).
 * - Within `tolerance` of the surface (a point on a face, edge or vertex): inside. Volumes are
 *   closed sets, and a node traced exactly on a neuropil boundary belongs to it.
 * - Watertight mesh: ray parity along one fixed, "irrational" direction (an odd number of
 *   surface crossings = inside). Hits at the same distance (a ray through a shared edge) count once.
 * - Mesh with open edges (holes, real-world outlines like the L1 CNS): parity along five
 *   directions; when they all agree that is the answer, otherwise (the point sees a hole) the
 *   generalized winding number decides (≥ 0.5 = inside, Jacobson et al. 2013), which degrades
 *   gracefully with holes. The method used is reported so the UI can say it.
 */
import { Box3, BufferAttribute, BufferGeometry, DoubleSide, Ray, Vector3 } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import type { TriangleMesh } from '../../api/x3d-mesh.ts';
import type { InsideMethod } from './inside-method.ts';
import { isWatertight } from './mesh-topology.ts';

export interface MeshIndex {
  readonly watertight: boolean;
  readonly method: InsideMethod;
  readonly min: readonly [number, number, number];
  readonly max: readonly [number, number, number];
  contains(x: number, y: number, z: number): boolean;
}

/** Directions without symmetry with axis-aligned meshes (no ray runs along a face or edge). */
const DIRECTIONS: readonly (readonly [number, number, number])[] = [
  [0.5773, 0.5774, 0.5776],
  [-0.6123, 0.4472, 0.6522],
  [0.3141, -0.8507, 0.4215],
  [-0.2718, -0.3183, -0.9082],
  [0.7071, 0.1234, -0.6963],
];

function windingNumber(mesh: TriangleMesh, x: number, y: number, z: number): number {
  const p = mesh.positions;
  const idx = mesh.indices;
  let total = 0;
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * (idx[t] ?? 0);
    const b = 3 * (idx[t + 1] ?? 0);
    const c = 3 * (idx[t + 2] ?? 0);
    const ax = (p[a] ?? 0) - x;
    const ay = (p[a + 1] ?? 0) - y;
    const az = (p[a + 2] ?? 0) - z;
    const bx = (p[b] ?? 0) - x;
    const by = (p[b + 1] ?? 0) - y;
    const bz = (p[b + 2] ?? 0) - z;
    const cx = (p[c] ?? 0) - x;
    const cy = (p[c + 1] ?? 0) - y;
    const cz = (p[c + 2] ?? 0) - z;
    const la = Math.hypot(ax, ay, az);
    const lb = Math.hypot(bx, by, bz);
    const lc = Math.hypot(cx, cy, cz);
    const det = ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
    const div =
      la * lb * lc +
      (ax * bx + ay * by + az * bz) * lc +
      (bx * cx + by * cy + bz * cz) * la +
      (cx * ax + cy * ay + cz * az) * lb;
    total += 2 * Math.atan2(det, div);
  }
  return Math.abs(total / (4 * Math.PI));
}

export function buildMeshIndex(mesh: TriangleMesh): MeshIndex {
  const watertight = isWatertight(mesh);
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
  geometry.setIndex(new BufferAttribute(mesh.indices, 1));
  const empty = mesh.indices.length === 0;
  const bvh = empty ? null : new MeshBVH(geometry);
  const box = new Box3().setFromBufferAttribute(
    geometry.getAttribute('position') as BufferAttribute,
  );
  const diagonal = empty ? 0 : box.min.distanceTo(box.max);
  const tolerance = Math.max(1e-3, diagonal * 1e-7);
  const point = new Vector3();
  const ray = new Ray();
  const dir = new Vector3();

  const crossings = (d: readonly [number, number, number]): number => {
    if (!bvh) return 0;
    ray.origin.copy(point);
    ray.direction.copy(dir.set(d[0], d[1], d[2]).normalize());
    const hits = bvh.raycast(ray, DoubleSide).map((h) => h.distance);
    hits.sort((a, b) => a - b);
    let n = 0;
    let last = -Infinity;
    for (const h of hits) {
      if (h - last > tolerance) n++;
      last = h;
    }
    return n;
  };

  const contains = (x: number, y: number, z: number): boolean => {
    if (!bvh) return false;
    if (
      x < box.min.x - tolerance ||
      y < box.min.y - tolerance ||
      z < box.min.z - tolerance ||
      x > box.max.x + tolerance ||
      y > box.max.y + tolerance ||
      z > box.max.z + tolerance
    )
      return false;
    point.set(x, y, z);
    // Leaves are pruned by the threshold, but a leaf's triangles are all measured: check.
    const near = bvh.closestPointToPoint(point, undefined, tolerance, tolerance);
    if (near && near.distance <= tolerance) return true;
    const first = DIRECTIONS[0] ?? [1, 0, 0];
    if (watertight) return crossings(first) % 2 === 1;
    let odd = 0;
    for (const d of DIRECTIONS) odd += crossings(d) % 2;
    if (odd === 0) return false;
    if (odd === DIRECTIONS.length) return true;
    return windingNumber(mesh, x, y, z) >= 0.5;
  };

  return {
    watertight,
    method: watertight ? 'ray-parity' : 'ray-vote-winding',
    min: [box.min.x, box.min.y, box.min.z],
    max: [box.max.x, box.max.y, box.max.z],
    contains,
  };
}
