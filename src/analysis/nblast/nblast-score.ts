/**
 * NBLAST (Costa et al. 2016) as navis' `nblast` and nat.nblast compute it: for every query point,
 * the distance to the nearest target point and the |dot| of their tangents are looked up in the
 * scoring matrix and summed. Normalised = raw / raw of the query against itself (every point a
 * perfect hit), so identical neurons score 1. Mean = (query→target + target→query) / 2.
 */
import type { Dotprops } from './dotprops.ts';
import { buildKdTree, type KdTree } from './kd-tree.ts';
import { nearest, type Nearest } from './kd-nearest.ts';
import { fcwbFastLookup, fcwbLookup, type ScoreLookup } from './fcwb-smat.ts';
import { rawScoreBound } from './score-bound.ts';

export interface IndexedDotprops extends Dotprops {
  tree: KdTree;
}

export function indexDotprops(d: Dotprops): IndexedDotprops {
  return { ...d, tree: buildKdTree(d.points) };
}

const defaultLookup = fcwbLookup();
const fastLookup = fcwbFastLookup();

/**
 * Sum of the per-point scores. `seeded` starts each nearest-neighbour search from the previous
 * point's answer: consecutive dotprops points lie next to each other along the cable, so the
 * bound is nearly tight from the start (a 5–20× saving, most of all for far-apart pairs, where an
 * unseeded search visits many boxes at almost the same distance). Same nearest points, same sum.
 */
function rawScore(
  query: Dotprops,
  target: IndexedDotprops,
  lookup: ScoreLookup,
  seeded: boolean,
): number {
  const n = Math.floor(query.points.length / 3);
  const hit: Nearest = { index: -1, at: -1, dist2: Infinity };
  const q = query.points;
  const qt = query.tangents;
  const tt = target.tangents;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const seed = seeded ? hit.at : -1;
    nearest(target.tree, q[i * 3] ?? 0, q[i * 3 + 1] ?? 0, q[i * 3 + 2] ?? 0, hit, seed);
    if (hit.index < 0) continue;
    const j = hit.index;
    const dot = Math.abs(
      (qt[i * 3] ?? 0) * (tt[j * 3] ?? 0) +
        (qt[i * 3 + 1] ?? 0) * (tt[j * 3 + 1] ?? 0) +
        (qt[i * 3 + 2] ?? 0) * (tt[j * 3 + 2] ?? 0),
    );
    sum += lookup(Math.sqrt(hit.dist2), dot);
  }
  return sum;
}

/** Query → target score divided by the query's self-hit score (1 for identical neurons). */
export function normalisedScore(query: Dotprops, target: IndexedDotprops): number {
  const n = Math.floor(query.points.length / 3);
  return n > 0 ? rawScore(query, target, fastLookup, true) / (n * fastLookup.selfHit) : 0;
}

/** The plain algorithm (no seeding, linear bin scans, any scoring matrix): the reference. */
export function exactNormalisedScore(
  query: Dotprops,
  target: IndexedDotprops,
  lookup: ScoreLookup = defaultLookup,
): number {
  const n = Math.floor(query.points.length / 3);
  return n > 0 ? rawScore(query, target, lookup, false) / (n * lookup.selfHit) : 0;
}

/**
 * One row of the forward matrix: query `row` against every target. With mirrored targets, each
 * cell is the better of the target and its mirror image (a left neuron finds its right-side
 * homologue); the diagonal is 1.
 */
export function nblastRow(
  row: number,
  query: Dotprops,
  targets: readonly IndexedDotprops[],
  mirrored: readonly IndexedDotprops[] | null,
): Float64Array {
  const out = new Float64Array(targets.length);
  targets.forEach((t, j) => {
    if (j === row) {
      out[j] = 1;
      return;
    }
    const m = mirrored?.[j];
    out[j] = m ? betterOf(query, t, m) : normalisedScore(query, t);
  });
  return out;
}

/**
 * max(score against a, score against b), scoring the more promising one first and the other only
 * when its upper bound could beat that (a left neuron's mirror image of a left target lies on the
 * far side of the brain and is never searched).
 */
function betterOf(query: Dotprops, a: IndexedDotprops, b: IndexedDotprops): number {
  const n = Math.floor(query.points.length / 3);
  if (n === 0) return 0;
  const norm = n * fastLookup.selfHit;
  const boundA = rawScoreBound(query, a.tree) / norm;
  const boundB = rawScoreBound(query, b.tree) / norm;
  const [first, second, secondBound] = boundA >= boundB ? [a, b, boundB] : [b, a, boundA];
  const s1 = normalisedScore(query, first);
  return secondBound < s1 ? s1 : Math.max(s1, normalisedScore(query, second));
}

export type NblastScoreKind = 'forward' | 'reverse' | 'mean';

/**
 * The matrix of one kind from the forward matrix f (f[i][j] = neuron i as query against j):
 * reverse is its transpose, mean the average of both.
 */
export function scoreMatrixOf(
  forward: readonly (readonly number[])[],
  kind: NblastScoreKind,
): number[][] {
  return forward.map((row, i) =>
    row.map((v, j) => {
      const back = forward[j]?.[i] ?? 0;
      return kind === 'forward' ? v : kind === 'reverse' ? back : (v + back) / 2;
    }),
  );
}
