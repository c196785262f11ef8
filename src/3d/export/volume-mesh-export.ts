/**
 * Volume meshes as files other tools open: Wavefront OBJ (one object per volume, vertices welded
 * by position so faces share them) and ASCII STL (one solid per volume, facet normals from the
 * winding). Coordinates stay in nm, as CATMAID stores them.
 */
import type { TriangleMesh } from '../../api/x3d-mesh.ts';

export interface NamedMesh {
  name: string;
  mesh: TriangleMesh;
}

/** OBJ and STL names: no whitespace or newlines (STL `solid <name>`, OBJ `o <name>`). */
function safeName(name: string): string {
  return name.trim().replace(/\s+/g, '_') || 'volume';
}

const num = (v: number): string => String(Math.round(v * 1000) / 1000);

export function volumesToObj(volumes: readonly NamedMesh[]): string {
  const lines = ['# CATMAID volumes, coordinates in nm'];
  let base = 0;
  for (const { name, mesh } of volumes) {
    lines.push(`o ${safeName(name)}`);
    const welded = new Map<string, number>();
    const remap = new Int32Array(mesh.positions.length / 3);
    for (let v = 0; v < remap.length; v++) {
      const xyz = [0, 1, 2].map((k) => num(mesh.positions[3 * v + k] ?? 0)).join(' ');
      let id = welded.get(xyz);
      if (id === undefined) {
        id = welded.size;
        welded.set(xyz, id);
        lines.push(`v ${xyz}`);
      }
      remap[v] = id;
    }
    for (let t = 0; t < mesh.indices.length; t += 3) {
      const f = [0, 1, 2].map((k) => base + (remap[mesh.indices[t + k] ?? 0] ?? 0) + 1);
      lines.push(`f ${f.join(' ')}`);
    }
    base += welded.size;
  }
  return `${lines.join('\n')}\n`;
}

export function volumesToStl(volumes: readonly NamedMesh[]): string {
  const out: string[] = [];
  for (const { name, mesh } of volumes) {
    const solid = safeName(name);
    out.push(`solid ${solid}`);
    const p = mesh.positions;
    for (let t = 0; t < mesh.indices.length; t += 3) {
      const [a, b, c] = [0, 1, 2].map((k) => 3 * (mesh.indices[t + k] ?? 0)) as [
        number,
        number,
        number,
      ];
      const u = [0, 1, 2].map((k) => (p[b + k] ?? 0) - (p[a + k] ?? 0));
      const w = [0, 1, 2].map((k) => (p[c + k] ?? 0) - (p[a + k] ?? 0));
      const n = [
        (u[1] ?? 0) * (w[2] ?? 0) - (u[2] ?? 0) * (w[1] ?? 0),
        (u[2] ?? 0) * (w[0] ?? 0) - (u[0] ?? 0) * (w[2] ?? 0),
        (u[0] ?? 0) * (w[1] ?? 0) - (u[1] ?? 0) * (w[0] ?? 0),
      ];
      const len = Math.hypot(n[0] ?? 0, n[1] ?? 0, n[2] ?? 0) || 1;
      out.push(`  facet normal ${n.map((v) => (v / len).toExponential(6)).join(' ')}`);
      out.push('    outer loop');
      for (const v of [a, b, c])
        out.push(`      vertex ${[0, 1, 2].map((k) => num(p[v + k] ?? 0)).join(' ')}`);
      out.push('    endloop');
      out.push('  endfacet');
    }
    out.push(`endsolid ${solid}`);
  }
  return `${out.join('\n')}\n`;
}
