/**
 * The edition times a cached request is validated with, on both routes (serve-display.ts and
 * serve-cached.ts): from its burst's memo when the browser named a burst (burst-editions.ts),
 * else ONE `skeletons/summary` of its own ids, as every request asked before bursts. Either way
 * an id absent is gone and a failure is the summary's Error. `note` says for the request's log
 * line where the times came from.
 */
import type { UpstreamSettings } from '../proxy/env.ts';
import type { BurstHint } from './burst-fields.ts';
import type { SkeletonCache } from './skeleton-cache.ts';
import { fetchEditionTimes, type EditionTimes } from './summary-check.ts';

export async function requestEditions(
  cache: SkeletonCache,
  settings: UpstreamSettings,
  token: string | undefined,
  projectId: number,
  ids: readonly number[],
  burst: BurstHint | undefined,
  signal: AbortSignal,
): Promise<{ editions: EditionTimes | Error; note: string }> {
  if (!burst) {
    const editions = await fetchEditionTimes(settings, token, projectId, ids, signal);
    return { editions, note: `summary of ${ids.length} ids` };
  }
  const scope = { url: settings.url.href, token, projectId, burst: burst.id };
  const { editions, asked } = await cache.burstEditions.editions(
    scope,
    ids,
    burst.ahead,
    (some, own) => fetchEditionTimes(settings, token, projectId, some, own),
    signal,
  );
  return {
    editions,
    note: asked > 0 ? `summary of ${asked} ids for burst` : 'editions from burst',
  };
}
