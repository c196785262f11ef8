/**
 * Per-skeleton load status for the progress line and the failed list, as a tiny external store.
 * Notifications are throttled (a 1,000-neuron load settles hundreds of skeletons per second).
 */
export type LoadStatus =
  { state: 'loading' } | { state: 'loaded'; nodes: number } | { state: 'failed'; message: string };

// Each notification re-renders the 3D view (10–95 ms with 1,000 neurons): a progress line
// updated a few times a second is enough.
const THROTTLE_MS = 400;

export class LoadTracker {
  readonly status = new Map<number, LoadStatus>();
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

  forget(ids: readonly number[]) {
    for (const id of ids) this.status.delete(id);
    this.notify(true);
  }
}

export interface LoadSummary {
  requested: number;
  loaded: number;
  nodes: number;
  failed: { skeletonId: number; message: string }[];
  settled: boolean;
}

export function summarize(tracker: LoadTracker, ids: readonly number[]): LoadSummary {
  let loaded = 0;
  let nodes = 0;
  const failed: LoadSummary['failed'] = [];
  for (const id of ids) {
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
    settled: loaded + failed.length === ids.length,
  };
}
