/**
 * POST /{pid}/skeleton/contributor_statistics_multiple (API ref §6.2): per user node, pre-link,
 * post-link and review counts over a set of skeletons, plus CATMAID's own construction and
 * review time estimates (20-second bins). 500 skeletons per request, summed (as pymaid).
 */
import { z } from 'zod';
import { defineBatchEndpoint, idList } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';

const CONTRIBUTOR_STATS_CHUNK = 500;

interface ContributorStats {
  constructionMinutes: number;
  minReviewMinutes: number;
  multiuserReviewMinutes: number;
  nodeCount: number;
  preCount: number;
  postCount: number;
  /** user id → count */
  nodes: Map<number, number>;
  pre: Map<number, number>;
  post: Map<number, number>;
  reviews: Map<number, number>;
}

const counts = z.record(z.string(), z.number()).optional();

const contributorStatsSchema = z.object({
  construction_minutes: z.number().optional(),
  min_review_minutes: z.number().optional(),
  multiuser_review_minutes: z.number().optional(),
  n_nodes: z.number().optional(),
  n_pre: z.number().optional(),
  n_post: z.number().optional(),
  node_contributors: counts,
  pre_contributors: counts,
  post_contributors: counts,
  review_contributors: counts,
});

function addInto(target: Map<number, number>, source: Record<string, number> | undefined): void {
  for (const [k, v] of Object.entries(source ?? {}))
    target.set(Number(k), (target.get(Number(k)) ?? 0) + v);
}

function emptyContributorStats(): ContributorStats {
  return {
    constructionMinutes: 0,
    minReviewMinutes: 0,
    multiuserReviewMinutes: 0,
    nodeCount: 0,
    preCount: 0,
    postCount: 0,
    nodes: new Map(),
    pre: new Map(),
    post: new Map(),
    reviews: new Map(),
  };
}

function mergeContributorStats(
  parts: readonly z.infer<typeof contributorStatsSchema>[],
): ContributorStats {
  const out = emptyContributorStats();
  for (const p of parts) {
    out.constructionMinutes += p.construction_minutes ?? 0;
    out.minReviewMinutes += p.min_review_minutes ?? 0;
    out.multiuserReviewMinutes += p.multiuser_review_minutes ?? 0;
    out.nodeCount += p.n_nodes ?? 0;
    out.preCount += p.n_pre ?? 0;
    out.postCount += p.n_post ?? 0;
    addInto(out.nodes, p.node_contributors);
    addInto(out.pre, p.pre_contributors);
    addInto(out.post, p.post_contributors);
    addInto(out.reviews, p.review_contributors);
  }
  return out;
}

const contributorStatsEndpoint = defineBatchEndpoint({
  route: ROUTES.contributorStats,
  schema: contributorStatsSchema,
  encode: idList('skids'),
  decode: (wire) => wire,
  batch: { chunkSize: CONTRIBUTOR_STATS_CHUNK, concurrency: 2 },
  merge: mergeContributorStats,
});

export const fetchContributorStats = contributorStatsEndpoint.fetchAll;
