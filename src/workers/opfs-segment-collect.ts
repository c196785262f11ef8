/**
 * Reclaims OPFS segments (opfs-skeleton-cache.ts) that no index entry points to any more: a
 * copy written again (a stale skeleton refetched, an explicit refresh) is indexed in its new
 * segment, and a segment whose copies were all written again is dead weight. Segments written
 * in the last minutes are kept whatever the index says: the other worker may have written one
 * and not yet indexed it. A segment with some live copies stays whole (no compaction).
 */
import { isSegmentRef, segmentBornAt } from './opfs-skeleton-cache.ts';

export interface ListableDirectory {
  keys(): AsyncIterable<string>;
  removeEntry(name: string): Promise<void>;
}

const MIN_AGE_MS = 10 * 60_000;

/** Removes dead segments; returns how many went. */
export async function collectDeadSegments(
  dir: ListableDirectory,
  indexValues: readonly unknown[],
  now: number,
  minAgeMs = MIN_AGE_MS,
): Promise<number> {
  const live = new Set<string>();
  for (const v of indexValues) if (isSegmentRef(v)) live.add(v.segment);
  const dead: string[] = [];
  for await (const name of dir.keys()) {
    const born = segmentBornAt(name);
    if (born !== null && !live.has(name) && now - born >= minAgeMs) dead.push(name);
  }
  let removed = 0;
  for (const name of dead) {
    // Refused (e.g. a handle still open on it): left for the next round.
    if (
      await dir.removeEntry(name).then(
        () => true,
        () => false,
      )
    )
      removed++;
  }
  return removed;
}
