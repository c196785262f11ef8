/**
 * Frames a scene shown before on where its neurons reached then (state/framed-bounds.ts): hands
 * the remembered bounds to the engine as its bounds hint, and remembers the bounds again each
 * time the scene is ready.
 */
import { useCallback, useEffect, useMemo } from 'react';
import type { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import { rememberBounds, rememberedBounds, sceneKey } from '../../state/framed-bounds.ts';

/** `ids`: the drawn skeletons. Returns the scene-ready callback. */
export function useFramedBounds(
  engine: ViewerEngine,
  server: string,
  projectId: number,
  ids: readonly number[],
): () => void {
  const key = useMemo(() => sceneKey(server, projectId, ids), [server, projectId, ids]);
  useEffect(() => {
    engine.setBoundsHint(ids.length > 0 ? rememberedBounds(key) : null);
  }, [engine, key, ids.length]);
  return useCallback(() => {
    const b = engine.visibleBounds();
    if (b && ids.length > 0) rememberBounds(key, b);
  }, [engine, key, ids.length]);
}
