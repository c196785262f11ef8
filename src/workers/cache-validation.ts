/**
 * Never show a stale skeleton from the IndexedDB copy: before a cached skeleton is used, its
 * `last_edition_time` is asked from CATMAID with `skeletons/summary` (many ids per request, a
 * cheap aggregate next to compact-detail) and compared with the edition time stored with the
 * copy. Edited since → refetched; missing from the answer → deleted or merged in CATMAID.
 *
 * The edition time stored with a fresh copy comes from a summary request sent just before its
 * compact-detail request: if the skeleton is edited in between, the stored time is newer than
 * the copy's data only when the server answers the summary after the compact-detail, which a
 * quick aggregate next to a big read practically never does; the other order only costs a
 * needless refetch later.
 */
import type { ProjectScope } from '../api/scope.ts';
import { fetchSkeletonSummaries } from '../api/skeleton-summary.ts';

/**
 * skeleton id → last edition (epoch ms) as CATMAID reports it now. An id absent from the map
 * no longer exists; `undefined` means the server cannot tell (CATMAID < 2021.12.21 has no
 * skeletons/summary).
 */
export type Editions = ReadonlyMap<number, number | undefined>;

export type EditionSource = (ids: readonly number[], signal?: AbortSignal) => Promise<Editions>;

export function summaryEditions(scope: ProjectScope): EditionSource {
  return async (ids, signal) => {
    const summaries = await fetchSkeletonSummaries(scope, ids, { signal });
    const out = new Map<number, number | undefined>();
    for (const [id, s] of summaries) out.set(id, s.lastEditedAt);
    return out;
  };
}

export interface Verdict {
  fresh: number[];
  stale: number[];
  gone: number[];
}

/**
 * `stored`: id → edition time saved with the cached copy (undefined: saved without one, e.g.
 * by an older version or while the summary failed: not trusted).
 */
export function judgeCopies(
  stored: ReadonlyMap<number, number | undefined>,
  now: Editions,
): Verdict {
  const verdict: Verdict = { fresh: [], stale: [], gone: [] };
  for (const [id, savedEdition] of stored) {
    if (!now.has(id)) {
      verdict.gone.push(id);
      continue;
    }
    const current = now.get(id);
    // A server that cannot tell edition times cannot invalidate: its copies stay usable.
    if (current === undefined) verdict.fresh.push(id);
    else if (savedEdition === undefined || current > savedEdition) verdict.stale.push(id);
    else verdict.fresh.push(id);
  }
  return verdict;
}

/** Words for the failed list, in the tone of describe-error.ts (what happened, what to do). */
export function goneMessage(skeletonId: number): string {
  return `skeleton ${skeletonId} no longer exists in CATMAID: it was deleted or merged into another skeleton (remove it from the selection, or search for the neuron again)`;
}
