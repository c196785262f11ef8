import { describe, expect, it } from 'vitest';
import { reviewedNodeIds, reviewSummary, reviewTimeline } from './review-summary.ts';

const DAY = 86_400_000;
const nodes = [1, 2, 3, 4];
const reviews = [
  { nodeId: 1, reviewerId: 7, time: DAY * 10 },
  { nodeId: 2, reviewerId: 7, time: DAY * 10 + 5 },
  { nodeId: 2, reviewerId: 8, time: DAY * 12 },
  { nodeId: 3, reviewerId: 8, time: DAY * 13 },
  { nodeId: 9, reviewerId: 8, time: DAY * 13 }, // deleted node: ignored
];

describe('reviewSummary', () => {
  it('everyone counts without a whitelist: 3 of 4 nodes', () => {
    const s = reviewSummary(nodes, reviews, null);
    expect(s).toMatchObject({ totalNodes: 4, reviewedNodes: 3, percent: 75 });
    expect(s.reviewers.map((r) => [r.reviewerId, r.nodes, r.percent])).toEqual([
      [7, 2, 50],
      [8, 2, 50],
    ]);
  });

  it('a whitelist counts only its reviewers', () => {
    const s = reviewSummary(nodes, reviews, new Set([8]));
    expect(s).toMatchObject({ reviewedNodes: 2, percent: 50 });
    expect(s.reviewers.find((r) => r.reviewerId === 7)?.counted).toBe(false);
    expect(reviewSummary(nodes, reviews, new Set()).percent).toBe(0);
  });

  it('an empty neuron is 0 % reviewed, not NaN', () => {
    expect(reviewSummary([], [], null).percent).toBe(0);
  });

  it('reviewedNodeIds follows the whitelist', () => {
    expect([...reviewedNodeIds(reviews, new Set([7]))].sort()).toEqual([1, 2]);
  });
});

describe('reviewTimeline', () => {
  it('steps by day with the first counted review of each node', () => {
    expect(reviewTimeline(nodes, reviews, null)).toEqual([
      { time: DAY * 10, percent: 50 },
      { time: DAY * 13, percent: 75 },
    ]);
    expect(reviewTimeline(nodes, reviews, new Set([8]))).toEqual([
      { time: DAY * 12, percent: 25 },
      { time: DAY * 13, percent: 50 },
    ]);
  });
});
