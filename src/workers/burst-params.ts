/**
 * The burst hint a skeleton request carries to the dashboard server: `burst` (the pool's id for
 * one view's loads, LoadRequest.burst) and `ahead` (that burst's other skeletons, comma
 * separated). With it the server asks CATMAID's edition times once for all the burst's requests,
 * not once per request (server/cache/burst-editions.ts). Sent by the display route's requests
 * and by the compact-detail batches alike, always after the request's own fields; the server
 * takes both out before anything else reads the form, so CATMAID never sees them
 * (server/cache/burst-fields.ts).
 */
import type { FormParams } from '../lib/http/encode-form.ts';
import type { LoadRequest } from './skeleton-protocol.ts';

/** `ahead` ids per request at most: the dashboard server refuses more (burst-fields.ts). */
export const MAX_BURST_AHEAD = 2000;

/** The pool's burst a request belongs to (LoadRequest.burst and .ahead). */
export interface LoadBurst {
  id: string;
  /** The burst's other skeletons, likely asked next. */
  ahead?: readonly number[] | undefined;
}

/** The burst a load names, if any. */
export function burstOfLoad(req: Pick<LoadRequest, 'burst' | 'ahead'>): LoadBurst | undefined {
  return req.burst === undefined ? undefined : { id: req.burst, ahead: req.ahead };
}

/** `burst` and `ahead` (without the request's own ids, at most MAX_BURST_AHEAD), if any. */
export function burstParams(burst: LoadBurst | undefined, ids: readonly number[]): FormParams {
  if (!burst) return {};
  const own = new Set(ids);
  const ahead = (burst.ahead ?? []).filter((id) => !own.has(id)).slice(0, MAX_BURST_AHEAD);
  return ahead.length > 0 ? { burst: burst.id, ahead: ahead.join(',') } : { burst: burst.id };
}
