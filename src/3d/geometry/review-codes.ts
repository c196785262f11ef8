/**
 * The "Review (whitelist)" colour mode's numbers: one code per node, written into the same 4th
 * line-info component the creation-time mode uses (only the active mode's codes are there).
 * 0 = not known yet (grey), 1 = not reviewed, 2 = reviewed by at least one counted reviewer
 * (a whitelisted one, or anyone when there is no whitelist), as in the Neuron view's summary.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import type { Rgb } from './colour-modes.ts';

export const REVIEW_CODE = { unknown: 0, notReviewed: 1, reviewed: 2 } as const;

export const REVIEW_UNKNOWN_RGB: Rgb = [160, 160, 160];
/** Reviewed: green; not reviewed: magenta (apart for common colour-vision deficiencies). */
export const REVIEWED_RGB: Rgb = [34, 197, 94];
export const NOT_REVIEWED_RGB: Rgb = [217, 70, 239];

export function reviewCodeColor(code: number): Rgb {
  if (code === REVIEW_CODE.reviewed) return REVIEWED_RGB;
  if (code === REVIEW_CODE.notReviewed) return NOT_REVIEWED_RGB;
  return REVIEW_UNKNOWN_RGB;
}

/**
 * Codes in the order of `nodeIds` (the drawn geometry's node order) from a `with_reviews`
 * answer, which may list its nodes in another order: nodes missing from it stay 0 (unknown).
 */
export function reviewCodes(
  nodeIds: Float64Array,
  source: Pick<SkeletonDetail, 'nodeIds' | 'reviews'>,
  whitelist: ReadonlySet<number> | null,
): Uint8Array {
  const counted = new Set<number>();
  const { nodeIndex, reviewerIds } = source.reviews;
  for (let k = 0; k < nodeIndex.length; k++) {
    const reviewer = reviewerIds[k] ?? -1;
    if (whitelist !== null && !whitelist.has(reviewer)) continue;
    const id = source.nodeIds[nodeIndex[k] ?? -1];
    if (id !== undefined) counted.add(id);
  }
  const known = new Set<number>(source.nodeIds);
  const out = new Uint8Array(nodeIds.length);
  for (let i = 0; i < nodeIds.length; i++) {
    const id = nodeIds[i] ?? Number.NaN;
    if (!known.has(id)) continue;
    out[i] = counted.has(id) ? REVIEW_CODE.reviewed : REVIEW_CODE.notReviewed;
  }
  return out;
}
