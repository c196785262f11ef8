import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { TIME_CODE_MAX } from './creation-time.ts';
import { REVIEW_CODE } from './review-codes.ts';
import { SceneCreationTimes } from './scene-creation-times.ts';
import { SceneModel } from './scene-model.ts';
import { SceneNodeCodes } from './scene-node-codes.ts';
import { SceneReviewCodes } from './scene-review-codes.ts';
import { buildSkeletonPiece } from './skeleton-piece.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 9, 19, 9, minute)).toISOString();

/** Nodes 101 … 103 in a chain; with times as with_history, with reviews as with_reviews. */
function skeleton(opts: { times?: boolean; reviews?: [number, number][] } = {}) {
  const rows = [0, 1, 2].map((i) => {
    const row: unknown[] = [101 + i, i ? 100 + i : null, 3, i * 10, 0, 0, -1, 5];
    if (opts.times) row.push(at(i * 10), at(i * 10), 1);
    return row;
  });
  const reviews = (opts.reviews ?? []).map(([node, reviewer], k) => [node, k + 1, reviewer]);
  return decodeCompactDetail([rows, [], {}, reviews, []], 1);
}

function codes(model: SceneModel): number[] {
  const r = model.bySkeleton.get(1);
  const block = r && model.lines.blocks[r.lines.blockId];
  if (!r || !block) throw new Error('not drawn');
  return [0, 1, 2].map((i) => block.info[(r.lines.vertexStart + i) * 4 + 3] ?? -1);
}

describe('per-node codes of the active mode', () => {
  it('only the active mode writes, and switching modes rewrites the codes', () => {
    const model = new SceneModel();
    const geometry = skeleton();
    model.add(geometry, buildSkeletonPiece(geometry));
    const times = new SceneCreationTimes();
    const reviews = new SceneReviewCodes();
    const codesOf = new SceneNodeCodes({ ctime: times, review: reviews });
    const both = new Map<number, SkeletonDetail>([[1, skeleton({ times: true })]]);
    times.set(both);
    reviews.set(
      new Map([
        [
          1,
          skeleton({
            reviews: [
              [102, 5],
              [103, 6],
            ],
          }),
        ],
      ]),
      new Set([5]),
    );

    expect(codesOf.apply(model, 'selection')).toBe(false);
    expect(codes(model)).toEqual([0, 0, 0]);

    expect(codesOf.apply(model, 'ctime')).toBe(true);
    const timeCodes = [1, 1 + Math.round((TIME_CODE_MAX - 1) / 2), TIME_CODE_MAX];
    expect(codes(model)).toEqual(timeCodes);

    const { notReviewed: N, reviewed: R } = REVIEW_CODE;
    expect(codesOf.apply(model, 'review')).toBe(true);
    expect(codes(model), 'whitelist [5]: only node 102 counts').toEqual([N, R, N]);
    expect(reviews.reviewedCounts).toEqual({ reviewed: 1, known: 3 });
    expect(codesOf.apply(model, 'review'), 'nothing new: nothing written').toBe(false);

    // A new whitelist rewrites the codes.
    reviews.set(
      new Map([
        [
          1,
          skeleton({
            reviews: [
              [102, 5],
              [103, 6],
            ],
          }),
        ],
      ]),
      new Set([6]),
    );
    expect(codesOf.apply(model, 'review')).toBe(true);
    expect(codes(model)).toEqual([N, N, R]);

    // Back to creation time: its codes come back although its answers did not change.
    expect(codesOf.apply(model, 'ctime')).toBe(true);
    expect(codes(model)).toEqual(timeCodes);

    // A mode without per-node data leaves the component cleared.
    expect(codesOf.apply(model, 'depth')).toBe(true);
    expect(codes(model)).toEqual([0, 0, 0]);
    expect(codesOf.apply(model, 'review')).toBe(true);
    expect(codes(model)).toEqual([N, N, R]);
  });
});
