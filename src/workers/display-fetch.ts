/**
 * The dashboard server's display forms (server/cache: derived once per skeleton and edition
 * from CATMAID's compact-detail, ../3d/geometry/display-piece.ts): `POST
 * /api/display/{project_id}/skeletons` with the skeleton ids and the compact-detail flags. Not
 * a CATMAID endpoint: it goes to the dashboard server itself (a client with base URL `/api`).
 * Skeletons the server has no display form for (unknown to CATMAID) are absent from the answer.
 * A request of a burst also names it (`burst`, `ahead`: burst-params.ts), after the compact-detail
 * fields.
 */
import {
  compactDetailParams,
  normalizeSkeletonFlags,
  type SkeletonFlags,
} from '../api/skeleton-flags.ts';
import { readDisplayBatch, type ReadDisplay } from '../3d/geometry/display-pack.ts';
import type { CatmaidClient } from '../lib/http/client.ts';
import { burstParams, type LoadBurst } from './burst-params.ts';

const DISPLAY_ENDPOINT = 'POST /api/display/{project_id}/skeletons';

export interface DisplayFetchOptions {
  signal?: AbortSignal | undefined;
  onAnswered?: () => void;
  /** The pool's burst: the server asks CATMAID's edition times once for all its requests. */
  burst?: LoadBurst | undefined;
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
