/**
 * Per-skeleton load status for the progress line and the failed list, as a tiny external store.
 * Notifications are throttled (a 1,000-neuron load settles hundreds of skeletons per second).
 */
export type LoadStatus =
  { state: 'loading' } | { state: 'loaded'; nodes: number } | { state: 'failed'; message: string };

// Each notification re-renders the 3D view (10–95 ms with 1,000 neurons): a progress line
// updated a few times a second is enough.
const THROTTLE_MS = 400;

/** The second pass of geometry first: connectors and tags of a skeleton already drawn. */
export type ExtrasStatus =
  { state: 'loading' } | { state: 'loaded' } | { state: 'failed'; message: string };

/**
 * Display first: the full data of a skeleton drawn from its display form. `waiting` until the
 * display pass has put the scene on screen, then `loading`.
 */
export type FullStatus =
  | { state: 'waiting' }
  | { state: 'loading' }
  | { state: 'loaded' }
  | { state: 'failed'; message: string };

export class LoadTracker {
  readonly status = new Map<number, LoadStatus>();
  readonly extras = new Map<number, ExtrasStatus>();
  readonly full = new Map<number, FullStatus>();
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = 0;

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = () => this.version;

  private notify(now: boolean) {
    const fire = () => {
      this.timer = undefined;
      this.version++;
      for (const fn of this.listeners) fn();
    };
    if (now) {
      if (this.timer) clearTimeout(this.timer);
      fire();
    } else {
      this.timer ??= setTimeout(fire, THROTTLE_MS);
    }
  }

  start(id: number) {
    this.status.set(id, { state: 'loading' });
    this.inFlight++;
    this.notify(false);
  }

  loaded(id: number, nodes: number) {
    this.status.set(id, { state: 'loaded', nodes });
    this.inFlight--;
    this.notify(this.inFlight === 0);
  }

  /** Drawn from its display form: counts as loaded, its full data waits (`fullStart`). */
  displayed(id: number, nodes: number) {
    this.full.set(id, { state: 'waiting' });
    this.loaded(id, nodes);
  }

  /** The skeletons whose full data is waiting, now marked loading. */
  fullStart(): number[] {
    const ids: number[] = [];
    for (const [id, f] of this.full) {
      if (f.state !== 'waiting') continue;
      this.full.set(id, { state: 'loading' });
      ids.push(id);
    }
    if (ids.length > 0) this.notify(false);
    return ids;
  }

  fullLoaded(id: number) {
    this.full.set(id, { state: 'loaded' });
    this.notify(false);
  }

  fullFailed(id: number, message: string) {
    this.full.set(id, { state: 'failed', message });
    this.notify(false);
  }

  /** Those whose full data failed wait again (Retry failed). */
  fullRetry(ids: readonly number[]) {
    for (const id of ids) {
      if (this.full.get(id)?.state === 'failed') this.full.set(id, { state: 'waiting' });
    }
  }

  /** Its full load stopped on purpose: waiting again, for the next pass. */
  fullCancelled(id: number) {
    this.full.set(id, { state: 'waiting' });
    this.notify(false);
  }

  failed(id: number, message: string) {
    this.status.set(id, { state: 'failed', message });
    this.inFlight--;
    this.notify(this.inFlight === 0);
  }

  /** A load stopped on purpose: no status, so it is requested again when wanted again. */
  cancelled(id: number) {
    this.status.delete(id);
    this.inFlight--;
    this.notify(this.inFlight === 0);
  }

  /**
   * Told at once (not throttled): a scene that was ready is not any more, and the ready signal
   * must not stay up while the layer's data is on its way.
   */
  extrasStart(ids: readonly number[]) {
    for (const id of ids) this.extras.set(id, { state: 'loading' });
    this.inFlight += ids.length;
    if (ids.length > 0) this.notify(true);
  }

  extrasLoaded(id: number) {
    this.extras.set(id, { state: 'loaded' });
    this.inFlight--;
    this.notify(this.inFlight === 0);
  }

  extrasFailed(id: number, message: string) {
    this.extras.set(id, { state: 'failed', message });
    this.inFlight--;
    this.notify(this.inFlight === 0);
  }

  extrasCancelled(id: number) {
    this.extras.delete(id);
    this.inFlight--;
    this.notify(this.inFlight === 0);
  }

  forget(ids: readonly number[]) {
    for (const id of ids) {
      this.status.delete(id);
      this.extras.delete(id);
      this.full.delete(id);
    }
    this.notify(true);
  }
}

export interface LoadSummary {
  requested: number;
  loaded: number;
  nodes: number;
  failed: { skeletonId: number; message: string }[];
  /** Drawn, but their connectors and tags (second pass) could not be loaded. */
  extrasFailed: { skeletonId: number; message: string }[];
  /** Every neuron loaded or failed, and no second pass (connectors, tags) still running. */
  settled: boolean;
  /** Drawn from their display form, full data still to come (display first). */
  fullPending: number;
  /** Drawn from their display form, but their full data could not be loaded. */
  fullFailed: { skeletonId: number; message: string }[];
}

export function summarize(tracker: LoadTracker, ids: readonly number[]): LoadSummary {
  let loaded = 0;
  let nodes = 0;
  const failed: LoadSummary['failed'] = [];
  const extrasFailed: LoadSummary['extrasFailed'] = [];
  let extrasLoading = 0;
  let fullPending = 0;
  const fullFailed: LoadSummary['fullFailed'] = [];
  for (const id of ids) {
    const f = tracker.full.get(id);
    if (f?.state === 'waiting' || f?.state === 'loading') fullPending++;
    else if (f?.state === 'failed') fullFailed.push({ skeletonId: id, message: f.message });
    const x = tracker.extras.get(id);
    if (x?.state === 'loading') extrasLoading++;
    else if (x?.state === 'failed') extrasFailed.push({ skeletonId: id, message: x.message });
    const s = tracker.status.get(id);
    if (s?.state === 'loaded') {
      loaded++;
      nodes += s.nodes;
    } else if (s?.state === 'failed') failed.push({ skeletonId: id, message: s.message });
  }
  return {
    requested: ids.length,
    loaded,
    nodes,
    failed,
    extrasFailed,
    settled: loaded + failed.length === ids.length && extrasLoading === 0,
    fullPending,
    fullFailed,
  };
}
