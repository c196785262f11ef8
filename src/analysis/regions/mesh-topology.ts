/**
 * Whether a volume mesh is watertight (closed, manifold): every edge is shared by exactly two
 * triangles once vertices are welded by position. CATMAID stores TINs with unshared vertices
 * (API ref §8), so the weld is by coordinate, not by index. The `watertight` column of
 * `volumes/` can be null (no meta computed) or stale, so the dashboard decides from the mesh.
 */
import type { TriangleMesh } from '../../api/x3d-mesh.ts';

/** Vertex index → welded vertex id (same xyz → same id). */
function weld(mesh: TriangleMesh): Int32Array {
  const ids = new Map<string, number>();
  const vertexCount = mesh.positions.length / 3;
  const out = new Int32Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) {
    const key = `${mesh.positions[3 * v]},${mesh.positions[3 * v + 1]},${mesh.positions[3 * v + 2]}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    out[v] = id;
  }
  return out;
}

export function isWatertight(mesh: TriangleMesh): boolean {
  const triangleCount = mesh.indices.length / 3;
  if (triangleCount < 4) return false;
  const welded = weld(mesh);
  const edges = new Map<string, number>();
  for (let t = 0; t < triangleCount; t++) {
    for (let k = 0; k < 3; k++) {
      const a = welded[mesh.indices[3 * t + k] ?? 0] ?? 0;
      const b = welded[mesh.indices[3 * t + ((k + 1) % 3)] ?? 0] ?? 0;
      if (a === b) continue; // a degenerate triangle adds no edge
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  for (const count of edges.values()) if (count !== 2) return false;
  return edges.size > 0;
}
