/**
 * "As of date": the neuron as it was at time t, from compact-detail `with_history` rows
 * (API ref §4.1). Each node version is valid over a half-open interval [from, to) (CATMAID's
 * history tables): historic rows carry theirs; the live row is valid from its last edition on.
 * A node existed at t if one of its versions covers t; the one that does gives its place and
 * parent. A live node created before its last edition but without a historic row for the time
 * in between (an edit CATMAID did not keep, e.g. a confidence change) counts from its creation,
 * with its current values. Parents that did not exist at t leave the child as a piece's root.
 */
import type { NodeVersion } from '../../api/skeleton-history.ts';
import type { ArborNode } from './arbor.ts';

function toArborNode(v: NodeVersion, createdAt: number): ArborNode {
  return {
    nodeId: v.nodeId,
    parentId: v.parentId,
    userId: v.userId,
    x: v.x,
    y: v.y,
    z: v.z,
    radius: v.radius,
    createdAt,
  };
}

/** The live tree (no date): the live rows only. */
export function liveArbor(versions: readonly NodeVersion[]): ArborNode[] {
  return versions.filter((v) => v.ordering === 1).map((v) => toArborNode(v, v.createdAt));
}

/** First-seen time of each node id: its live creation time, else its oldest version's start. */
function creationTimes(versions: readonly NodeVersion[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of versions) {
    const t = v.ordering === 1 && !Number.isNaN(v.createdAt) ? v.createdAt : v.validFrom;
    const seen = out.get(v.nodeId);
    if (seen === undefined || t < seen) out.set(v.nodeId, t);
  }
  return out;
}

export function arborAsOf(versions: readonly NodeVersion[], t: number): ArborNode[] {
  const created = creationTimes(versions);
  const chosen = new Map<number, NodeVersion>();
  for (const v of versions) {
    if (v.ordering === 3) continue; // merged-in history belonged to another skeleton then
    const covers = v.validFrom <= t && t < v.validTo;
    const liveFallback =
      v.ordering === 1 && !covers && (created.get(v.nodeId) ?? Infinity) <= t && t < v.validFrom;
    if (covers) chosen.set(v.nodeId, v);
    else if (liveFallback && !chosen.has(v.nodeId)) chosen.set(v.nodeId, v);
  }
  // A historic row that covers t wins over the live fallback, whatever the row order.
  for (const v of versions)
    if (v.ordering === 2 && v.validFrom <= t && t < v.validTo) chosen.set(v.nodeId, v);
  const present = new Set(chosen.keys());
  return [...chosen.values()].map((v) => {
    const n = toArborNode(v, created.get(v.nodeId) ?? Number.NaN);
    return n.parentId !== null && !present.has(n.parentId) ? { ...n, parentId: null } : n;
  });
}

/** Every time the node set or a node changed (sorted, unique): where an "as of" slider stops. */
export function historyEvents(versions: readonly NodeVersion[]): number[] {
  const out = new Set<number>();
  for (const v of versions) {
    if (v.ordering === 3) continue;
    if (!Number.isNaN(v.createdAt)) out.add(v.createdAt);
    out.add(v.validFrom);
    if (Number.isFinite(v.validTo)) out.add(v.validTo);
  }
  return [...out].filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
}
