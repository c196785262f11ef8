/**
 * The browser's copies of a load's skeletons (skeleton copies or display forms), by skeleton
 * id: a copy counts only when it is of the id it was asked under. An unusable store (private
 * mode, quota, old schema) gives none: that only costs a fetch.
 */
import type { LoadRequest } from './skeleton-protocol.ts';

export async function copiesById<T>(
  req: Pick<LoadRequest, 'skeletonIds' | 'useCache'>,
  store: { getMany(keys: string[]): Promise<(T | undefined)[]> } | null,
  keyOf: (id: number) => string,
  idOf: (copy: T) => number,
): Promise<Map<number, T>> {
  const hits = new Map<number, T>();
  if (!store || !req.useCache) return hits;
  try {
    const copies = await store.getMany(req.skeletonIds.map(keyOf));
    copies.forEach((c, i) => {
      const id = req.skeletonIds[i];
      if (c && id !== undefined && idOf(c) === id) hits.set(id, c);
    });
  } catch {
    // See above.
  }
  return hits;
}
