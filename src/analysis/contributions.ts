/**
 * "Who built these neurons": per user nodes, presynaptic and postsynaptic links, reviews and
 * cable, computed from compact-detail (nodes, connectors with link creators, reviews).
 *
 * Why compact-detail rather than contributor_statistics_multiple: the latter has no cable, and
 * one source for every column keeps the numbers consistent. Cable is attributed as CATMAID's
 * user-history does: each node's edge to its parent counts for the node's creator. Pre/post
 * links count for the link creator (as contributor statistics), or the node creator when the
 * answer has no link creators.
 */
import { RELATION, type SkeletonDetail } from '../api/skeleton-detail.ts';

export interface UserContribution {
  userId: number;
  nodes: number;
  pre: number;
  post: number;
  reviews: number;
  /** µm */
  cable: number;
}

export function computeContributions(skeletons: Iterable<SkeletonDetail>): UserContribution[] {
  const byUser = new Map<number, UserContribution>();
  const get = (u: number) => {
    let c = byUser.get(u);
    if (!c) byUser.set(u, (c = { userId: u, nodes: 0, pre: 0, post: 0, reviews: 0, cable: 0 }));
    return c;
  };
  for (const s of skeletons) {
    const p = s.positions;
    for (let i = 0; i < s.nodeCount; i++) {
      const c = get(s.creatorIds[i] ?? -1);
      c.nodes++;
      const parent = s.parentIndex[i] ?? -1;
      if (parent >= 0) {
        const dx = (p[i * 3] ?? 0) - (p[parent * 3] ?? 0);
        const dy = (p[i * 3 + 1] ?? 0) - (p[parent * 3 + 1] ?? 0);
        const dz = (p[i * 3 + 2] ?? 0) - (p[parent * 3 + 2] ?? 0);
        c.cable += Math.hypot(dx, dy, dz) / 1000;
      }
    }
    const k = s.connectors;
    for (let i = 0; i < k.connectorIds.length; i++) {
      const rel = k.relations[i];
      if (rel !== RELATION.presynaptic && rel !== RELATION.postsynaptic) continue;
      const node = k.nodeIndex[i] ?? -1;
      const user = k.linkUserIds?.[i] ?? (node >= 0 ? s.creatorIds[node] : undefined) ?? -1;
      if (rel === RELATION.presynaptic) get(user).pre++;
      else get(user).post++;
    }
    for (let i = 0; i < s.reviews.reviewerIds.length; i++)
      get(s.reviews.reviewerIds[i] ?? -1).reviews++;
  }
  return [...byUser.values()].sort((a, b) => b.nodes - a.nodes || a.userId - b.userId);
}

export function sumContributions(rows: readonly UserContribution[]): UserContribution {
  const t: UserContribution = { userId: -1, nodes: 0, pre: 0, post: 0, reviews: 0, cable: 0 };
  for (const r of rows) {
    t.nodes += r.nodes;
    t.pre += r.pre;
    t.post += r.post;
    t.reviews += r.reviews;
    t.cable += r.cable;
  }
  return t;
}
