/**
 * Contributor statistics (catmaid-api.md §6.2), with the server's 20-second-bin algorithm:
 * construction minutes = distinct 20-s bins with a node creation / 3, per skeleton, summed.
 */
import { arg, type ProjectCtx } from '../http/types.ts';
import type { ProjectIndex } from '../data/project-index.ts';

const BIN = 20;

function add(map: Record<string, number>, key: number, n = 1): void {
  map[key] = (map[key] ?? 0) + n;
}

function stats(p: ProjectIndex, skids: number[]): unknown {
  const a = p.a;
  const nodeContributors: Record<string, number> = {};
  const preContributors: Record<string, number> = {};
  const postContributors: Record<string, number> = {};
  const reviewContributors: Record<string, number> = {};
  let construction = 0;
  let minReview = 0;
  let multiReview = 0;
  let nNodes = 0;
  let nPre = 0;
  let nPost = 0;
  for (const skid of skids) {
    const s = p.skelById.get(skid);
    if (s === undefined) continue;
    const [n0, n1] = p.nodeRange(s);
    nNodes += n1 - n0;
    const bins = new Set<number>();
    for (let i = n0; i < n1; i++) {
      add(nodeContributors, a.creator[i] ?? 0);
      bins.add(Math.floor((a.created[i] ?? 0) / BIN));
    }
    construction += bins.size;
    for (const l of p.links(s)) {
      if (a.linkRelation[l] === 0) {
        nPre++;
        add(preContributors, a.linkCreator[l] ?? 0);
      } else {
        nPost++;
        add(postContributors, a.linkCreator[l] ?? 0);
      }
    }
    const [r0, r1] = p.reviewRange(n0, n1);
    const byReviewer = new Map<number, number[]>();
    for (let r = r0; r < r1; r++) {
      add(reviewContributors, a.reviewer[r] ?? 0);
      const list = byReviewer.get(a.reviewer[r] ?? 0) ?? [];
      list.push(r);
      byReviewer.set(a.reviewer[r] ?? 0, list);
    }
    // Reviewers with the most reviews first; a node counts for the first reviewer who saw it.
    const ordered = [...byReviewer.values()].sort((x, y) => y.length - x.length);
    const seen = new Set<number>();
    const minBins = new Set<number>();
    for (const reviews of ordered) {
      const own = new Set<number>();
      for (const r of reviews) {
        own.add(Math.floor((a.reviewTime[r] ?? 0) / BIN));
        if (seen.has(a.reviewNode[r] ?? 0)) continue;
        seen.add(a.reviewNode[r] ?? 0);
        minBins.add(Math.floor((a.reviewTime[r] ?? 0) / BIN));
      }
      multiReview += own.size;
    }
    minReview += minBins.size;
  }
  return {
    construction_minutes: Math.floor(construction / 3),
    min_review_minutes: Math.floor(minReview / 3),
    multiuser_review_minutes: Math.floor(multiReview / 3),
    n_nodes: nNodes,
    node_contributors: nodeContributors,
    n_pre: nPre,
    n_post: nPost,
    pre_contributors: preContributors,
    post_contributors: postContributors,
    review_contributors: reviewContributors,
  };
}

export function contributorMultiple(ctx: ProjectCtx): unknown {
  let ids: number[] = [];
  try {
    ids = ctx.params.indexedInts('skids');
  } catch {
    // The real view silently answers zeros for anything it cannot read.
  }
  return stats(ctx.project, ids);
}

export function contributorSingle(ctx: ProjectCtx): unknown {
  return stats(ctx.project, [arg(ctx, 0)]);
}
