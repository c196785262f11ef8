import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { REVIEW_CODE, reviewCodeColor, reviewCodes, REVIEWED_RGB } from './review-codes.ts';

const { unknown: U, notReviewed: N, reviewed: R } = REVIEW_CODE;

/** Nodes 11 … 15 in a chain; reviews given as [node id, reviewer id]. */
function withReviews(reviews: [number, number][], ids = [11, 12, 13, 14, 15]) {
  const nodes = ids.map((id, i) => [id, i ? ids[i - 1] : null, 3, i * 10, 0, 0, -1, 5]);
  // Wire rows are [node, review id, reviewer].
  const rows = reviews.map(([node, reviewer], k) => [node, k + 1, reviewer]);
  return decodeCompactDetail([nodes, [], {}, rows, []], 7);
}

describe('review codes', () => {
  // Node 12: reviewed by 5 only; 13: by 5 and 6; 14: by 6 twice; 11 and 15: nobody.
  const reviews: [number, number][] = [
    [12, 5],
    [13, 5],
    [13, 6],
    [14, 6],
    [14, 6],
  ];
  const drawn = Float64Array.from([11, 12, 13, 14, 15]);

  it('without a whitelist, a review by anyone counts', () => {
    expect([...reviewCodes(drawn, withReviews(reviews), null)]).toEqual([N, R, R, R, N]);
  });

  it('with a whitelist, only whitelisted reviewers count', () => {
    const src = withReviews(reviews);
    expect([...reviewCodes(drawn, src, new Set([5]))]).toEqual([N, R, R, N, N]);
    expect([...reviewCodes(drawn, src, new Set([6]))]).toEqual([N, N, R, R, N]);
    expect([...reviewCodes(drawn, src, new Set([99]))]).toEqual([N, N, N, N, N]);
    expect([...reviewCodes(drawn, src, new Set())], 'empty list: nobody counts').toEqual([
      N,
      N,
      N,
      N,
      N,
    ]);
  });

  it('follows the drawn node order and leaves nodes missing from the answer unknown', () => {
    // The answer lists its nodes in another order and lacks node 15 (e.g. added since).
    const src = withReviews(reviews, [14, 13, 12, 11]);
    const order = Float64Array.from([15, 11, 12, 13, 14]);
    expect([...reviewCodes(order, src, new Set([5]))]).toEqual([U, N, R, R, N]);
  });

  it('colours codes as the shader does', () => {
    expect(reviewCodeColor(R)).toEqual(REVIEWED_RGB);
    expect(reviewCodeColor(N)).not.toEqual(reviewCodeColor(R));
    expect(reviewCodeColor(U)).not.toEqual(reviewCodeColor(N));
  });
});
