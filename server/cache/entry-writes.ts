/**
 * Writing answers into the cache: one entry per skeleton, keyed by CATMAID URL, project,
 * skeleton and variant, compressed, with the edition time the summary gave before the fetch.
 * Writes run after the answer went out and are tracked (shutdown and tests wait for them).
 */
import type { UpstreamSettings } from '../proxy/env.ts';
import { compress } from './compression.ts';
import type { CachedRequest } from './request-variant.ts';
import type { SkeletonCache } from './skeleton-cache.ts';
import type { CacheEntry } from './store.ts';
import type { EditionTimes } from './summary-check.ts';

export function cacheKey(settings: UpstreamSettings, r: CachedRequest, skeletonId: number): string {
  return `${settings.url.href}|${r.projectId}|${skeletonId}|${r.variant}`;
}

export async function storeValues(
  cache: SkeletonCache,
  settings: UpstreamSettings,
  r: CachedRequest,
  values: Map<number, Buffer>,
  editions: EditionTimes,
  contentType: string,
): Promise<void> {
  const entries = new Map<string, CacheEntry>();
  for (const [id, value] of values) {
    const edition = editions.get(id);
    if (!edition) continue;
    entries.set(cacheKey(settings, r, id), {
      edition,
      contentType,
      body: await compress(value),
    });
  }
  if (entries.size > 0) await cache.store?.putMany(entries);
}

/** Stores after the answer went out; the cache tracks the write so shutdown can wait for it. */
export function keepInBackground(
  cache: SkeletonCache,
  write: Promise<void>,
  then: () => void,
): void {
  const tracked = write
    .catch((e: unknown) =>
      cache.log(`[cache] could not store: ${e instanceof Error ? e.message : String(e)}`),
    )
    .finally(then);
  cache.pending.add(tracked);
  void tracked.finally(() => cache.pending.delete(tracked));
}
