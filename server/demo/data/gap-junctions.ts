/**
 * Gap junctions of a demo project (CATMAID relation `gapjunction_with`, connector type
 * "gapjunction-connector"): electrical synapses between neurons of the same cell type (local
 * interneurons, Kenyon cells), as in the larval olfactory circuit. Drawn from their own random
 * stream AFTER the project is generated and kept outside the link table, so no synapse, node or
 * id of the generated data moves. Each junction is one connector with two links, one per neuron.
 */
import type { ProjectIndex } from './project-index.ts';
import { createRng } from './prng.ts';

export interface GapJunction {
  connectorId: number;
  x: number;
  y: number;
  z: number;
  /** Node indices and skeleton indices of the two sides. */
  nodes: [number, number];
  skels: [number, number];
  confidence: number;
}

const TYPES = new Set(['LN', 'KC']);
/** Per cell type, so the many Kenyon cells leave room for the interneurons. */
const MAX_PAIRS = 30;
const SAMPLE = 300;
const cache = new WeakMap<ProjectIndex, GapJunction[]>();

export function gapJunctions(p: ProjectIndex): GapJunction[] {
  let out = cache.get(p);
  if (!out) {
    out = generate(p);
    cache.set(p, out);
  }
  return out;
}

function generate(p: ProjectIndex): GapJunction[] {
  const rng = createRng((p.meta.id * 0x9e3779b1) ^ 0x6a90c7);
  const a = p.a;
  // Connector ids continue after the synapses, below the next million (the next id block).
  let nextId = p.connId(p.nConn);
  const idLimit = p.meta.connectorBase + Math.ceil((p.nConn + 1) / 1_000_000) * 1_000_000;
  const byType = new Map<string, number[]>();
  p.meta.neurons.forEach((n, s) => {
    if (!TYPES.has(n.type)) return;
    const list = byType.get(n.type) ?? [];
    list.push(s);
    byType.set(n.type, list);
  });
  const out: GapJunction[] = [];
  for (const type of [...byType.keys()].sort()) {
    const skels = byType.get(type) ?? [];
    let pairs = 0;
    for (let i = 0; i < skels.length; i++)
      for (let j = i + 1; j < skels.length; j++) {
        if (pairs >= MAX_PAIRS || !rng.chance(0.5)) continue;
        pairs++;
        const s1 = skels[i] ?? 0;
        const s2 = skels[j] ?? 0;
        const count = rng.int(1, 3);
        for (let k = 0; k < count && nextId < idLimit; k++) {
          const [a0, a1] = p.nodeRange(s1);
          const [b0, b1] = p.nodeRange(s2);
          if (a1 <= a0 || b1 <= b0) continue;
          const n1 = rng.int(a0, a1 - 1);
          let best = b0;
          let bestD = Infinity;
          for (let t = 0; t < SAMPLE; t++) {
            const n2 = rng.int(b0, b1 - 1);
            const d =
              ((a.x[n1] ?? 0) - (a.x[n2] ?? 0)) ** 2 +
              ((a.y[n1] ?? 0) - (a.y[n2] ?? 0)) ** 2 +
              ((a.z[n1] ?? 0) - (a.z[n2] ?? 0)) ** 2;
            if (d < bestD) {
              bestD = d;
              best = n2;
            }
          }
          out.push({
            connectorId: nextId++,
            x: Math.round((((a.x[n1] ?? 0) + (a.x[best] ?? 0)) / 2) * 10) / 10,
            y: Math.round((((a.y[n1] ?? 0) + (a.y[best] ?? 0)) / 2) * 10) / 10,
            z: Math.round(((a.z[n1] ?? 0) + (a.z[best] ?? 0)) / 2 / 50) * 50,
            nodes: [n1, best],
            skels: [s1, s2],
            confidence: rng.chance(0.9) ? 5 : rng.int(2, 4),
          });
        }
      }
  }
  return out;
}
