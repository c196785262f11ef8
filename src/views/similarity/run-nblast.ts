/**
 * NBLAST of a set of loaded skeletons in the analysis worker pool: dotprops per skeleton (kept
 * per decoded skeleton, so a second run or a bigger selection reuses them), then the forward
 * score matrix row by row, with progress and cancellation. With `mirror`, each pair also
 * scores against the target's mirror image across the selection's midline (the centre of its x
 * extent), and the better score counts: left/right homologues then find each other.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { midlineOf, type Dotprops } from '../../analysis/nblast/dotprops.ts';
import type { AnalysisPool } from '../../workers/analysis-pool.ts';
import { skeletonShape } from './use-loaded-skeletons.ts';

const dotpropsCache = new WeakMap<SkeletonDetail, Promise<Dotprops>>();

export interface NblastProgress {
  phase: 'dotprops' | 'scores';
  done: number;
  total: number;
}

export interface NblastRun {
  forward: number[][];
  /** The mirror plane used (µm), or null. */
  midlineUm: number | null;
}

export async function runNblast(
  pool: AnalysisPool,
  details: readonly SkeletonDetail[],
  mirror: boolean,
  onProgress: (p: NblastProgress) => void,
  signal: AbortSignal,
): Promise<NblastRun> {
  let made = 0;
  const total = details.length;
  onProgress({ phase: 'dotprops', done: 0, total });
  const dps = await Promise.all(
    details.map(async (d) => {
      let p = dotpropsCache.get(d);
      if (!p) {
        p = pool.dotprops(skeletonShape(d), 1, 5);
        dotpropsCache.set(d, p);
        p.catch(() => dotpropsCache.delete(d));
      }
      const dp = await p;
      onProgress({ phase: 'dotprops', done: ++made, total });
      return dp;
    }),
  );
  signal.throwIfAborted();
  const forward: number[][] = details.map(() => []);
  let rows = 0;
  onProgress({ phase: 'scores', done: 0, total });
  const midlineUm = mirror ? midlineOf(dps) : null;
  await pool.nblastMatrix(
    dps,
    midlineUm,
    (row, scores) => {
      forward[row] = Array.from(scores);
      onProgress({ phase: 'scores', done: ++rows, total });
    },
    signal,
  );
  return { forward, midlineUm };
}
