/**
 * Geometry first, as plain logic over injected fetches (unit-tested without React or workers):
 * every wanted skeleton is fetched without connectors and tags and drawn; while a layer needs
 * them (`wantsExtras()`), each drawn skeleton's connectors and tags are fetched in a second pass
 * and added to it. Turning such a layer on later starts the second pass for what is drawn.
 * With such a layer on from the start, only the first few go geometry first (`lead`).
 * Ids already requested are never requested again; failed ones only by `retry`.
 */
import type { LoadedSkeleton } from '../../workers/skeleton-protocol.ts';
import type { LoadTracker } from './load-tracker.ts';

export interface TwoPhaseDeps {
  tracker: LoadTracker;
  fetchGeometry(id: number): Promise<LoadedSkeleton>;
  fetchExtras(id: number): Promise<LoadedSkeleton>;
  onGeometry(item: LoadedSkeleton): void;
  onExtras(item: LoadedSkeleton): void;
  /** A load stopped on purpose (left the selection): not a failure. */
  isCancelled(e: unknown): boolean;
  /** Runs the next slice of fetch starts in a later task (default setTimeout 0). */
  defer?(fn: () => void): void;
  /** Fetch starts per task (default 50). */
  perTask?: number;
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
  /** Geometry for the ids not loaded or loading (and the second pass as they arrive). */
  request(ids: readonly number[]): void;
  /** Both passes again for what failed (a failed second pass is retried only here). */
  retry(ids: readonly number[]): void;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Starting a react-query fetch costs a fraction of a millisecond; a 1,000-neuron selection
 * started in one go blocked the main thread for ~200 ms. Fetches start in slices, one task each
 * (the pool still groups them into the same batched requests).
 */
function inSlices(ids: number[], start: (id: number, index: number) => void, deps: TwoPhaseDeps) {
  const perTask = deps.perTask ?? 50;
  const defer = deps.defer ?? ((fn: () => void) => setTimeout(fn, 0));
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

  const request = (ids: readonly number[]) => {
    const todo: number[] = [];
    for (const id of ids) {
      const s = tracker.status.get(id);
      if (s && s.state !== 'failed') continue;
      tracker.start(id);
      todo.push(id);
    }
    const lead = wantsExtras && deps.lead !== undefined ? deps.lead : todo.length;
    inSlices(todo, (id, i) => (i < lead ? startGeometry(id) : startWhole(id)), deps);
  };

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
    retry(ids) {
      request(ids.filter((id) => tracker.status.get(id)?.state === 'failed'));
      requestExtras(
        ids.filter((id) => tracker.extras.get(id)?.state === 'failed'),
        true,
      );
    },
  };
}
