/**
 * The browser writes its skeleton copies once the scene is on screen, not while it is drawn: a
 * fresh browser showing a lab-scale scene wrote the copies of the first neurons (hundreds of
 * MB to OPFS and IndexedDB) while the final software-GL frame was drawn, on the same two cores,
 * and that frame came 0.75 s later. Loading holds the pool's writes; the scene-ready callback
 * (or leaving the view) lets them go. The pool lets a hold go by itself after a while.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { SkeletonPool } from '../../workers/skeleton-pool.ts';

/** `settled`: every wanted neuron arrived or failed. Returns the scene-ready callback. */
export function useCopyWritesAfterReady(pool: SkeletonPool, settled: boolean): () => void {
  const release = useRef<(() => void) | null>(null);
  const letGo = useCallback(() => {
    release.current?.();
    release.current = null;
  }, []);
  useEffect(() => {
    if (!settled && !release.current) release.current = pool.holdCopyWrites();
  }, [pool, settled]);
  // Another pool (project) or leaving the view: the old hold ends.
  useEffect(() => letGo, [pool, letGo]);
  return letGo;
}
