/**
 * The demo's edit history, derived per skeleton on demand from its own forked random stream
 * (never drawn from the generator's streams, so no existing neuron, node or synapse shifts):
 *
 * - moved nodes: every node edited after its creation (the generator edits ~4 %) had an older
 *   version at another place, valid from its creation until that edit;
 * - deleted twigs: about half of the skeletons with 20+ nodes once had 1–3 short twigs (2–6
 *   nodes) that a proofreader removed later; they exist only as historic rows, so the node count
 *   "as of" a date between their creation and deletion is higher than before and after;
 * - merges: about a fifth of the skeletons took their most recently created part over from a
 *   fragment skeleton that no longer exists (`skeletons/change-history`).
 *
 * Times are whole UTC epoch seconds like the rest of the demo data.
 */
import { createRng, type Rng } from './prng.ts';
import type { ProjectIndex } from './project-index.ts';
import { TIME_END } from './timeline.ts';

const DAY = 86_400;
/** Ids of deleted demo nodes: far above every live node id, unique per skeleton. */
const DELETED_ID_BASE = 900_000_000_000;
/** Ids of the vanished fragment skeletons that were merged in. */
const MERGED_FRAGMENT_BASE = 800_000_000;

export interface HistoricNode {
  nodeId: number;
  parentId: number | null;
  user: number;
  x: number;
  y: number;
  z: number;
  radius: number;
  confidence: number;
  /** [from, to) in epoch seconds. */
  from: number;
  to: number;
}

function rngFor(p: ProjectIndex, skeletonId: number): Rng {
  // A stream of its own per skeleton: mixes the project's id base and the skeleton id.
  return createRng((0x4e48_5354 ^ Math.imul(skeletonId, 0x9e37_79b1) ^ p.meta.nodeBase) >>> 0);
}

function movedVersions(p: ProjectIndex, s: number, rng: Rng): HistoricNode[] {
  const a = p.a;
  const [n0, n1] = p.nodeRange(s);
  const out: HistoricNode[] = [];
  for (let i = n0; i < n1; i++) {
    const created = a.created[i] ?? 0;
    const edited = a.edited[i] ?? 0;
    if (edited <= created) continue;
    const par = a.parent[i] ?? -1;
    out.push({
      nodeId: p.nodeId(i),
      parentId: par < 0 ? null : p.nodeId(par),
      user: a.creator[i] ?? 0,
      x: Math.round((a.x[i] ?? 0) + rng.normal() * 250),
      y: Math.round((a.y[i] ?? 0) + rng.normal() * 250),
      z: a.z[i] ?? 0,
      radius: a.radius[i] ?? -1,
      confidence: a.confidence[i] ?? 5,
      from: created,
      to: edited,
    });
  }
  return out;
}

function deletedTwigs(p: ProjectIndex, s: number, skeletonId: number, rng: Rng): HistoricNode[] {
  const a = p.a;
  const [n0, n1] = p.nodeRange(s);
  if (n1 - n0 < 20 || !rng.chance(0.5)) return [];
  const out: HistoricNode[] = [];
  const twigs = rng.int(1, 3);
  let k = 0;
  for (let t = 0; t < twigs; t++) {
    const at = rng.int(n0 + 1, n1 - 1);
    const start = (a.created[at] ?? 0) + rng.int(60, 3 * DAY);
    const removed = Math.min(start + rng.int(2, 90) * DAY, TIME_END - DAY);
    if (removed <= start + 60) continue;
    const user = rng.pick([a.creator[at] ?? 0, a.editor[at] ?? 0]);
    let parentId = p.nodeId(at);
    let [x, y, z] = [a.x[at] ?? 0, a.y[at] ?? 0, a.z[at] ?? 0];
    const length = rng.int(2, 6);
    for (let j = 0; j < length; j++) {
      x += Math.round(rng.normal() * 400);
      y += Math.round(rng.normal() * 400);
      z += 50 * rng.int(-1, 1);
      const nodeId = DELETED_ID_BASE + skeletonId * 100 + k++;
      out.push({
        nodeId,
        parentId,
        user,
        x,
        y,
        z,
        radius: -1,
        confidence: 5,
        from: start + j * rng.int(5, 20),
        to: removed,
      });
      parentId = nodeId;
    }
  }
  return out;
}

/** Every historic node version of skeleton index `s` (none of them live). */
export function historicNodes(p: ProjectIndex, s: number): HistoricNode[] {
  const skeletonId = p.neuron(s).skeletonId;
  const rng = rngFor(p, skeletonId);
  return [...movedVersions(p, s, rng), ...deletedTwigs(p, s, skeletonId, rng)];
}

/** `skeletons/change-history` rows of skeleton index `s`: [[path…], n_nodes, max_pos, n_live]. */
export function changeHistoryRows(p: ProjectIndex, s: number): unknown[] {
  const skeletonId = p.neuron(s).skeletonId;
  const [n0, n1] = p.nodeRange(s);
  const live = n1 - n0;
  const deleted = historicNodes(p, s).filter((v) => v.nodeId >= DELETED_ID_BASE).length;
  // A separate stream from the node history's, so either can change alone.
  const rng = createRng((0x4d52_4745 ^ Math.imul(skeletonId, 0x85eb_ca6b)) >>> 0);
  if (live < 10 || !rng.chance(0.2)) return [[[skeletonId], live + deleted, -1, live]];
  const merged = Math.max(1, Math.floor(live * rng.range(0.1, 0.4)));
  const fragment = MERGED_FRAGMENT_BASE + skeletonId;
  return [
    [[skeletonId], live - merged + deleted, -1, live - merged],
    [[fragment, skeletonId], merged, -1, merged],
  ];
}
