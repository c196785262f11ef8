/**
 * SWC (Cannon et al.): `id type x y z radius parent`, one node per line, parent -1 for the root.
 * Node ids are CATMAID's own (unique per server), coordinates in nm as in CATMAID's own SWC
 * export; type 1 marks the soma node, 0 the rest (CATMAID's convention), radius <= 0 is written 0.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';

export interface SwcHeader {
  skeletonId: number;
  name: string;
  source: string;
}

function num(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

export function writeSwc(d: SkeletonDetail, h: SwcHeader): string {
  const lines = [
    `# ${h.name}`,
    `# skeleton_id ${h.skeletonId}`,
    `# source ${h.source}`,
    '# units nm',
    '# id type x y z radius parent',
  ];
  for (let i = 0; i < d.nodeCount; i++) {
    const p = d.parentIndex[i] ?? -1;
    const r = d.radii[i] ?? 0;
    lines.push(
      [
        d.nodeIds[i] ?? 0,
        i === d.somaIndex ? 1 : 0,
        num(d.positions[i * 3] ?? 0),
        num(d.positions[i * 3 + 1] ?? 0),
        num(d.positions[i * 3 + 2] ?? 0),
        r > 0 ? num(r) : 0,
        p >= 0 ? (d.nodeIds[p] ?? -1) : -1,
      ].join(' '),
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface SwcNode {
  id: number;
  type: number;
  x: number;
  y: number;
  z: number;
  radius: number;
  parent: number;
}

/** Reads SWC back (comments and blank lines skipped); throws on a malformed line. */
export function parseSwc(text: string): SwcNode[] {
  const out: SwcNode[] = [];
  text.split(/\r?\n/).forEach((raw, lineNo) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const f = line.split(/\s+/).map(Number);
    if (f.length < 7 || f.some((v) => !Number.isFinite(v)))
      throw new Error(`SWC line ${lineNo + 1}: expected 7 numbers`);
    const [id = 0, type = 0, x = 0, y = 0, z = 0, radius = 0, parent = -1] = f;
    out.push({ id, type, x, y, z, radius, parent });
  });
  return out;
}
