/**
 * Review coverage of one neuron (pymaid `get_review`, `get_review_details`), under a reviewer
 * whitelist: only reviews by whitelisted users count (null = everyone's, as CATMAID's "union").
 * A node is reviewed when at least one counted review is on it; a review of a node that is no
 * longer live (deleted since) is ignored. Percentages are of the live node count.
 */
import type { NodeReview } from '../../api/skeleton-history.ts';

export interface ReviewerShare {
  reviewerId: number;
  /** Distinct live nodes this reviewer reviewed. */
  nodes: number;
  percent: number;
  first: number;
  last: number;
}

export interface ReviewSummary {
  totalNodes: number;
  reviewedNodes: number;
  percent: number;
  /** Every reviewer (whitelisted or not), most nodes first; `counted` says whether they count. */
  reviewers: (ReviewerShare & { counted: boolean })[];
}

const percentOf = (part: number, total: number) => (total > 0 ? (100 * part) / total : 0);

function countsReview(whitelist: ReadonlySet<number> | null, reviewerId: number): boolean {
  return whitelist === null || whitelist.has(reviewerId);
}

export function reviewSummary(
  liveNodeIds: readonly number[],
  reviews: readonly NodeReview[],
  whitelist: ReadonlySet<number> | null,
): ReviewSummary {
  const live = new Set(liveNodeIds);
  const reviewed = new Set<number>();
  const per = new Map<number, { nodes: Set<number>; first: number; last: number }>();
  for (const r of reviews) {
    if (!live.has(r.nodeId)) continue;
    if (countsReview(whitelist, r.reviewerId)) reviewed.add(r.nodeId);
    let e = per.get(r.reviewerId);
    if (!e) per.set(r.reviewerId, (e = { nodes: new Set(), first: r.time, last: r.time }));
    e.nodes.add(r.nodeId);
    e.first = Math.min(e.first, r.time);
    e.last = Math.max(e.last, r.time);
  }
  const total = live.size;
  return {
    totalNodes: total,
    reviewedNodes: reviewed.size,
    percent: percentOf(reviewed.size, total),
    reviewers: [...per]
      .map(([reviewerId, e]) => ({
        reviewerId,
        nodes: e.nodes.size,
        percent: percentOf(e.nodes.size, total),
        first: e.first,
        last: e.last,
        counted: countsReview(whitelist, reviewerId),
      }))
      .sort((a, b) => b.nodes - a.nodes || a.reviewerId - b.reviewerId),
  };
}

/** Set of live node ids reviewed under the whitelist (the 3D "reviewed" colour reads this). */
export function reviewedNodeIds(
  reviews: readonly NodeReview[],
  whitelist: ReadonlySet<number> | null,
): Set<number> {
  return new Set(reviews.filter((r) => countsReview(whitelist, r.reviewerId)).map((r) => r.nodeId));
}

export interface ReviewStep {
  time: number;
  /** Percent of the live nodes reviewed (whitelist) by then. */
  percent: number;
}

/** The review time line: coverage after each day with counted reviews (first review per node). */
export function reviewTimeline(
  liveNodeIds: readonly number[],
  reviews: readonly NodeReview[],
  whitelist: ReadonlySet<number> | null,
): ReviewStep[] {
  const live = new Set(liveNodeIds);
  const firstReview = new Map<number, number>();
  for (const r of reviews) {
    if (!live.has(r.nodeId) || !countsReview(whitelist, r.reviewerId) || Number.isNaN(r.time))
      continue;
    const t = firstReview.get(r.nodeId);
    if (t === undefined || r.time < t) firstReview.set(r.nodeId, r.time);
  }
  const byDay = new Map<number, number>();
  for (const t of firstReview.values()) {
    const day = Math.floor(t / 86_400_000) * 86_400_000;
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  let sum = 0;
  return [...byDay]
    .sort((a, b) => a[0] - b[0])
    .map(([time, n]) => ({ time, percent: percentOf((sum += n), live.size) }));
}
