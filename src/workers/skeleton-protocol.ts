/**
 * Messages between the main thread and the skeleton worker. One `load` = one chunk of skeleton
 * ids = at most one HTTP request; the worker answers with `loaded` (decoded skeletons and their
 * geometry pieces, buffers transferred), `failed` (per-skeleton errors) and finally `done`.
 * `cancel` asks the worker to stop a load nobody waits for any more.
 */
import type { SkeletonDetail } from '../api/skeleton-detail.ts';
import type { NormalizedSkeletonFlags } from '../api/skeleton-flags.ts';
import type { SkeletonPiece } from '../3d/geometry/skeleton-piece.ts';
import type { DisplayPiece } from '../3d/geometry/display-piece.ts';

export interface LoadRequest {
  type: 'load';
  requestId: number;
  /** Base URL of the CATMAID API as the page's client uses it (e.g. `/api/catmaid`). */
  baseUrl: string;
  /** The page client's idle timeout (from /api/config), so the worker's requests use it too. */
  timeoutMs: number;
  server: string;
  projectId: number;
  skeletonIds: number[];
  flags: NormalizedSkeletonFlags;
  /** false: skip the browser's copy and fetch from the server (explicit refresh). */
  useCache: boolean;
  /** Only the browser's copy: what is missing or stale is answered `missing`, not fetched. */
  cacheOnly?: boolean;
  /**
   * Display forms, not skeletons (display first, display-load.ts), from the dashboard server
   * at this base URL (e.g. `/api`); answered with `displayed`.
   */
  displayBaseUrl?: string;
  /**
   * Other skeletons of the same burst (any flags: edition times do not depend on them), likely
   * asked next: their edition times are asked with this load's (edition-memo.ts).
   */
  ahead?: number[];
  /**
   * The pool's id for the burst this load belongs to (one per announce, else per flush group):
   * display loads send it with `ahead`, so the dashboard server asks CATMAID's edition times
   * once per burst (server/cache/burst-editions.ts); a new view or a reload is a new burst.
   */
  burst?: string;
}

/** The pool no longer needs this load: the worker aborts its fetch (or drops it if queued). */
export interface CancelRequest {
  type: 'cancel';
  requestId: number;
}

/**
 * Whether the worker may write its copies now (held: not yet). The page holds them while a
 * scene it waits for is still being drawn: written meanwhile, they took the cores the final
 * software-GL frame needed (a fresh browser's lab-scale scene took 0.75 s longer).
 */
export interface WritesRequest {
  type: 'writes';
  held: boolean;
}

export interface LoadedSkeleton {
  skeletonId: number;
  detail: SkeletonDetail;
  piece: SkeletonPiece;
  /** Where it came from this time (for progress and the bench). */
  source: 'network' | 'cache';
}

/** A skeleton's display form (display first): its coarse level, synapses and soma. */
export interface LoadedDisplay {
  skeletonId: number;
  display: DisplayPiece;
  source: 'network' | 'cache';
}

export interface LoadFailure {
  skeletonId: number;
  message: string;
  /** HTTP status when the server answered with an error. */
  status: number | null;
}

export type WorkerReply =
  | { type: 'loaded'; requestId: number; items: LoadedSkeleton[] }
  | { type: 'displayed'; requestId: number; items: LoadedDisplay[] }
  | { type: 'failed'; requestId: number; failures: LoadFailure[] }
  | { type: 'done'; requestId: number }
  /** Cache stage: these were not usable from the browser's copy (the pool fetches them). */
  | { type: 'missing'; requestId: number; skeletonIds: number[] }
  /**
   * The server answered (a success status; the body still streams): its work for this request
   * is done, so the pool's request limit no longer counts it (sent once per request).
   */
  | { type: 'answered'; requestId: number }
  /** One network attempt's time and outcome, for the pool's adaptive concurrency. */
  | { type: 'measured'; requestId: number; ms: number; nodes: number; overloaded: boolean };

export function isCancelRequest(data: unknown): data is CancelRequest {
  if (!data || typeof data !== 'object') return false;
  const d = data as Partial<CancelRequest>;
  return d.type === 'cancel' && typeof d.requestId === 'number';
}

export function isWritesRequest(data: unknown): data is WritesRequest {
  if (!data || typeof data !== 'object') return false;
  const d = data as Partial<WritesRequest>;
  return d.type === 'writes' && typeof d.held === 'boolean';
}

export function isLoadRequest(data: unknown): data is LoadRequest {
  if (!data || typeof data !== 'object') return false;
  const d = data as Partial<LoadRequest>;
  return (
    d.type === 'load' &&
    typeof d.requestId === 'number' &&
    typeof d.baseUrl === 'string' &&
    typeof d.timeoutMs === 'number' &&
    typeof d.server === 'string' &&
    typeof d.projectId === 'number' &&
    Array.isArray(d.skeletonIds) &&
    d.skeletonIds.every((id) => typeof id === 'number') &&
    typeof d.flags === 'object' &&
    d.flags !== null &&
    (d.displayBaseUrl === undefined || typeof d.displayBaseUrl === 'string') &&
    (d.burst === undefined || typeof d.burst === 'string')
  );
}

/** The current keys' start: keys that start otherwise are old copies (browser-skeleton-cache.ts). */
export const CACHE_KEY_PREFIX = 'skeleton3d:v2|';

/**
 * Key of the browser's copy: everything the answer depends on (server, project, skeleton,
 * flags). v2: packed copies (skeleton-pack.ts); v1 values were structured-cloned objects.
 */
export function cacheKey(req: Pick<LoadRequest, 'server' | 'projectId' | 'flags'>, skid: number) {
  return `${CACHE_KEY_PREFIX}${req.server}|${req.projectId}|${skid}|${JSON.stringify(req.flags)}`;
}
