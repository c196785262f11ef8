/**
 * What the as-of 3D view must draw, computed from the demo server's raw compact-detail
 * `with_history` rows independently of the app's code: the skeleton at the end of a day (a
 * historic row counts over its [t_a, t_b); a live row from its creation on, unless a historic row
 * covers the time), its edges (child and parent both there), and which of them today's skeleton
 * still has unchanged (same parent, both ends at the same place).
 */
import type { RawNeuron } from './neuron-raw.ts';

interface RawNode {
  parent: number | null;
  x: number;
  y: number;
  z: number;
}

const time = (s: string) => Date.parse(s.replace(' ', 'T'));

function rawSkeletonAt(raw: RawNeuron, t: number): Map<number, RawNode> {
  const historic = new Map<number, RawNode>();
  const live = new Map<number, RawNode>();
  for (const [id, parent, , x, y, z, , , ta, tb, ordering] of raw.history[0]) {
    if (ordering === 2 && time(ta) <= t && t < time(tb)) historic.set(id, { parent, x, y, z });
    if (ordering === 1 && Math.min(time(ta), time(tb)) <= t) live.set(id, { parent, x, y, z });
  }
  return new Map([...live, ...historic]);
}

const rawSkeletonNow = (raw: RawNeuron) => rawSkeletonAt(raw, Number.POSITIVE_INFINITY);

const samePlace = (a: RawNode, b: RawNode) => a.x === b.x && a.y === b.y && a.z === b.z;

/** Edges as `child>parent` whose parent exists in the same skeleton. */
function edges(s: Map<number, RawNode>): string[] {
  return [...s]
    .filter(([, n]) => n.parent !== null && s.has(n.parent))
    .map(([id, n]) => `${id}>${n.parent}`);
}

export interface ExpectedAsOf {
  kept: number;
  gone: number;
  added: number;
  /** Nodes: unchanged, moved or reparented, deleted, added. */
  nodes: { kept: number; changed: number; deleted: number; added: number };
  deletedIds: number[];
}

export function expectedAsOf(raw: RawNeuron, day: string): ExpectedAsOf {
  const then = rawSkeletonAt(raw, Date.parse(`${day}T23:59:59.999Z`));
  const now = rawSkeletonNow(raw);
  const unchanged = (id: number) => {
    const a = then.get(id);
    const b = now.get(id);
    return a !== undefined && b !== undefined && a.parent === b.parent && samePlace(a, b);
  };
  const keptEdge = (e: string) => {
    const [child, parent] = e.split('>').map(Number) as [number, number];
    const a = then.get(parent);
    const b = now.get(parent);
    return unchanged(child) && a !== undefined && b !== undefined && samePlace(a, b);
  };
  const thenEdges = edges(then);
  const kept = thenEdges.filter(keptEdge).length;
  const ids = new Set([...then.keys(), ...now.keys()]);
  const nodes = { kept: 0, changed: 0, deleted: 0, added: 0 };
  const deletedIds: number[] = [];
  for (const id of ids) {
    if (!now.has(id)) {
      nodes.deleted++;
      deletedIds.push(id);
    } else if (!then.has(id)) nodes.added++;
    else if (unchanged(id)) nodes.kept++;
    else nodes.changed++;
  }
  return {
    kept,
    gone: thenEdges.length - kept,
    added: edges(now).length - kept,
    nodes,
    deletedIds: deletedIds.sort((a, b) => a - b),
  };
}
