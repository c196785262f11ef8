/**
 * Geometry first, as plain logic over injected fetches (unit-tested without React or workers):
 * every wanted skeleton is fetched without connectors and tags and drawn; while a layer needs
 * them (`wantsExtras()`), each drawn skeleton's connectors and tags are fetched in a second pass
 * and added to it. Turning such a layer on later starts the second pass for what is drawn.
 * With such a layer on from the start, only the first few go geometry first (`lead`).
 * Ids already requested are never requested again; failed ones only by `retry`.
 *
 * Display first (huge scenes, `request(ids, true)`): each skeleton's display form is drawn
 * first (its coarse level, synapses and soma, about a tenth of the bytes), and its full data,
 * with connectors and tags, is fetched only when `requestFull` is called (once the scene is on
 * screen). A skeleton without a display form is loaded the ordinary way at once.
 */
import { spreadOrder } from '../../lib/spread-order.ts';
import type { LoadedDisplay, LoadedSkeleton } from '../../workers/skeleton-protocol.ts';
import type { LoadTracker } from './load-tracker.ts';

export interface TwoPhaseDeps {
  tracker: LoadTracker;
  fetchGeometry(id: number): Promise<LoadedSkeleton>;
  fetchExtras(id: number): Promise<LoadedSkeleton>;
  onGeometry(item: LoadedSkeleton): void;
  onExtras(item: LoadedSkeleton): void;
  /** Display first: the display form, and what to do with it and with the full data later. */
  fetchDisplay?(id: number): Promise<LoadedDisplay>;
  onDisplay?(item: LoadedDisplay): void;
  onFull?(item: LoadedSkeleton): void;
  /** A load stopped on purpose (left the selection): not a failure. */
  isCancelled(e: unknown): boolean;
  /** Runs the next slice of fetch starts in a later task (default setTimeout 0). */
  defer?(fn: () => void): void;
  /** Fetch starts per task (default 50). */
  perTask?: number;
  /** Told every skeleton of a burst before its fetches start in slices (SkeletonPool.announce). */
  announce?(ids: readonly number[]): void;
  /**
   * With a layer already needing connectors and tags when a load starts: only this many
   * skeletons of it go geometry first (enough for the first short request, so the first
   * neurons are on screen at once); the rest ask the answer with connectors and tags straight
   * away, since two passes over every skeleton would cost CATMAID about 1.5 times one pass
   * and delay the complete scene. Undefined: every skeleton geometry first.
   */
  lead?: number;
}

export interface TwoPhaseLoader {
  /**
   * Whether a shown layer needs connectors or tags; read again as each skeleton arrives, so a
   * layer toggled meanwhile counts. Turning it on starts the second pass for `ids` (drawn ones).
   */
  setWantsExtras(wants: boolean, ids: readonly number[]): void;
  /**
   * Geometry for the ids not loaded or loading (and the second pass as they arrive); `display`:
   * their display forms instead, the full data waiting for `requestFull`.
   */
  request(ids: readonly number[], display?: boolean): void;
  /** The full data of every skeleton drawn from its display form and waiting for it. */
  requestFull(): void;
  /** Both passes again for what failed (a failed second pass is retried only here). */
  retry(ids: readonly number[]): void;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Selections up to this size load in their own order. */
const SPREAD_FROM = 64;

/**
 * Starting a react-query fetch costs a fraction of a millisecond; a 1,000-neuron selection
 * started in one go blocked the main thread for ~200 ms. Fetches start in slices, one task each
 * (the pool still groups them into the same batched requests).
 */
function inSlices(ids: number[], start: (id: number, index: number) => void, deps: TwoPhaseDeps) {
  const perTask = deps.perTask ?? 50;
  const defer = deps.defer ?? ((fn: () => void) => setTimeout(fn, 0));
  if (ids.length > 0) deps.announce?.(ids);
  const slice = (from: number) => {
    ids.slice(from, from + perTask).forEach((id, i) => start(id, from + i));
    if (from + perTask < ids.length) defer(() => slice(from + perTask));
  };
  if (ids.length > 0) slice(0);
}

export function createTwoPhaseLoader(deps: TwoPhaseDeps): TwoPhaseLoader {
  const { tracker } = deps;
  let wantsExtras = false;

  const startExtras = (id: number) => {
    deps.fetchExtras(id).then(
      (item) => {
        deps.onExtras(item);
        tracker.extrasLoaded(id);
      },
      (e: unknown) => {
        if (deps.isCancelled(e)) tracker.extrasCancelled(id);
        else tracker.extrasFailed(id, messageOf(e));
      },
    );
  };

  /** Marks at once, so a re-render before the fetch starts does not request it again. */
  const claimExtras = (ids: readonly number[], again = false) => {
    const todo: number[] = [];
    for (const id of ids) {
      if (tracker.status.get(id)?.state !== 'loaded') continue;
      const x = tracker.extras.get(id);
      if (x && !(again && x.state === 'failed')) continue;
      todo.push(id);
    }
    tracker.extrasStart(todo);
    return todo;
  };

  const startGeometry = (id: number) => {
    deps.fetchGeometry(id).then(
      (item) => {
        deps.onGeometry(item);
        // The second pass is marked before the skeleton counts as loaded, so the scene is
        // never "settled" in between (the ready signal would fire without the layer's data).
        const more = wantsExtras && !tracker.extras.has(id);
        if (more) tracker.extrasStart([id]);
        tracker.loaded(id, item.detail.nodeCount);
        if (more) startExtras(id);
      },
      (e: unknown) => {
        if (deps.isCancelled(e)) tracker.cancelled(id);
        else tracker.failed(id, messageOf(e));
      },
    );
  };

  /** Nodes, connectors and tags in one answer (a layer needs them and the lead is drawn). */
  const startWhole = (id: number) => {
    deps.fetchExtras(id).then(
      (item) => {
        deps.onGeometry(item);
        // Complete before it counts as loaded: no second pass is asked for it.
        tracker.extras.set(id, { state: 'loaded' });
        tracker.loaded(id, item.detail.nodeCount);
      },
      (e: unknown) => {
        if (deps.isCancelled(e)) tracker.cancelled(id);
        else tracker.failed(id, messageOf(e));
      },
    );
  };

  /** The display form; without one (an older server, an odd skeleton), the ordinary load. */
  const startDisplay = (id: number, fetchDisplay: (id: number) => Promise<LoadedDisplay>) => {
    fetchDisplay(id).then(
      (item) => {
        deps.onDisplay?.(item);
        // Its connectors and tags came with it (the display pass asks them); the full pass
        // brings the rest.
        tracker.extras.set(id, { state: 'loaded' });
        tracker.displayed(id, item.display.nodeCount);
      },
      (e: unknown) => {
        if (deps.isCancelled(e)) tracker.cancelled(id);
        else startWhole(id);
      },
    );
  };

  const startFull = (id: number) => {
    deps.fetchExtras(id).then(
      (item) => {
        (deps.onFull ?? deps.onGeometry)(item);
        tracker.fullLoaded(id);
      },
      (e: unknown) => {
        if (deps.isCancelled(e)) tracker.fullCancelled(id);
        else tracker.fullFailed(id, messageOf(e));
      },
    );
  };

  const request = (ids: readonly number[], display = false) => {
    const todo: number[] = [];
    for (const id of ids) {
      const s = tracker.status.get(id);
      if (s && s.state !== 'failed') continue;
      tracker.start(id);
      todo.push(id);
    }
    // Big selections load spread over their order, so the scene's bounds (and the view framed
    // on them) settle early instead of growing to the last neuron (lib/spread-order.ts).
    const order = todo.length > SPREAD_FROM ? spreadOrder(todo) : todo;
    const fetchDisplay = display ? deps.fetchDisplay : undefined;
    if (fetchDisplay) {
      inSlices(order, (id) => startDisplay(id, fetchDisplay), deps);
      return;
    }
    const lead = wantsExtras && deps.lead !== undefined ? deps.lead : order.length;
    inSlices(order, (id, i) => (i < lead ? startGeometry(id) : startWhole(id)), deps);
  };

  const requestFull = () => inSlices(tracker.fullStart(), startFull, deps);

  const requestExtras = (ids: readonly number[], again = false) => {
    if (!wantsExtras) return;
    inSlices(claimExtras(ids, again), startExtras, deps);
  };

  return {
    setWantsExtras(wants, ids) {
      wantsExtras = wants;
      requestExtras(ids);
    },
    request,
    requestFull,
    retry(ids) {
      request(ids.filter((id) => tracker.status.get(id)?.state === 'failed'));
      tracker.fullRetry(ids);
      requestFull();
      requestExtras(
        ids.filter((id) => tracker.extras.get(id)?.state === 'failed'),
        true,
      );
    },
  };
}
