/**
 * The dashboard server's display forms (server/cache: derived once per skeleton and edition
 * from CATMAID's compact-detail, ../3d/geometry/display-piece.ts): `POST
 * /api/display/{project_id}/skeletons` with the skeleton ids and the compact-detail flags. Not
 * a CATMAID endpoint: it goes to the dashboard server itself (a client with base URL `/api`).
 * Skeletons the server has no display form for (unknown to CATMAID) are absent from the answer.
 * A request of a burst also names it (`burst`, `ahead`), after the compact-detail fields.
 */
import {
  compactDetailParams,
  normalizeSkeletonFlags,
  type SkeletonFlags,
} from '../api/skeleton-flags.ts';
import { readDisplayBatch, type ReadDisplay } from '../3d/geometry/display-pack.ts';
import type { CatmaidClient } from '../lib/http/client.ts';
import type { FormParams } from '../lib/http/encode-form.ts';

const DISPLAY_ENDPOINT = 'POST /api/display/{project_id}/skeletons';

/** `ahead` ids per request at most: the dashboard server refuses more (burst-fields.ts). */
export const MAX_DISPLAY_AHEAD = 2000;

/**
 * The pool's burst a request belongs to (LoadRequest.burst and .ahead): the dashboard server
 * asks CATMAID's edition times once for all the burst's requests, not once per request.
 */
export interface DisplayBurst {
  id: string;
  /** The burst's other skeletons, likely asked next. */
  ahead?: readonly number[] | undefined;
}

export interface DisplayFetchOptions {
  signal?: AbortSignal | undefined;
  onAnswered?: () => void;
  burst?: DisplayBurst | undefined;
}

/** `burst` and `ahead` (without the request's own ids, at most MAX_DISPLAY_AHEAD), if any. */
function burstParams(burst: DisplayBurst | undefined, ids: readonly number[]): FormParams {
  if (!burst) return {};
  const own = new Set(ids);
  const ahead = (burst.ahead ?? []).filter((id) => !own.has(id)).slice(0, MAX_DISPLAY_AHEAD);
  return ahead.length > 0 ? { burst: burst.id, ahead: ahead.join(',') } : { burst: burst.id };
}

/**
 * Display forms by skeleton id, as views over one answer buffer. Throws when the answer is not
 * a display batch (an older dashboard server answers 404 or its page).
 */
export async function fetchDisplayBatch(
  dashboard: CatmaidClient,
  projectId: number,
  ids: readonly number[],
  flags: SkeletonFlags,
  { signal, onAnswered, burst }: DisplayFetchOptions = {},
): Promise<Map<number, ReadDisplay>> {
  const form = {
    skeleton_ids: [...ids],
    ...compactDetailParams(normalizeSkeletonFlags(flags)),
    ...burstParams(burst, ids),
  };
  const buffer = await dashboard.postBinary(`/display/${projectId}/skeletons`, {
    form,
    signal,
    endpoint: DISPLAY_ENDPOINT,
    ...(onAnswered ? { onAnswered } : {}),
  });
  return readDisplayBatch(buffer);
}
