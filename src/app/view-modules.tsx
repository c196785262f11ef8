/**
 * The chunk cache behind ViewSwitch: one module promise per view and attempt (React.lazy would
 * keep a failed import for good; here a chunk that failed to load, e.g. the dashboard server
 * restarted, is requested again when the error boundary's Retry bumps `attempt`).
 *
 * A promise that has settled is marked the way React's `use` reads without suspending (status
 * and value, as react-query does for its thenables): a view whose chunk has loaded renders at
 * once. A view that suspends shows the fallback, and React then holds the view back until 300 ms
 * after that (FALLBACK_THROTTLE_MS), even when its chunk arrived 20 ms later: a third of a second
 * of every reload of the 3D view, whose chunk was asked for only once the view rendered.
 */
import { Suspense, use, useDeferredValue, type ComponentType, type ReactNode } from 'react';

export type ViewModule = Promise<{ default: ComponentType }>;

export interface ViewModules<K extends string> {
  /** The module promise of `view` at `attempt` (the import starts on the first ask). */
  moduleFor(view: K, attempt: number): ViewModule;
  /** Starts loading a view's chunk (first attempt) without waiting for it. */
  preload(view: K): void;
}

export function createViewModules<K extends string>(load: (view: K) => ViewModule): ViewModules<K> {
  const modules = new Map<string, ViewModule>();
  const moduleFor = (view: K, attempt: number): ViewModule => {
    const key = `${view}:${attempt}`;
    let m = modules.get(key);
    if (!m) {
      const promise = load(view);
      promise.then(
        (value) => {
          Object.assign(promise, { status: 'fulfilled', value });
        },
        // The view's `use` of the same promise reports the failure (error boundary, Retry).
        (reason: unknown) => {
          Object.assign(promise, { status: 'rejected', reason });
        },
      );
      modules.set(key, promise);
      m = promise;
    }
    return m;
  };
  return { moduleFor, preload: (view) => void moduleFor(view, 0) };
}

/** The view of `view`'s chunk (suspends only while that is still loading). */
function LoadedView<K extends string>({
  modules,
  view,
  attempt,
}: {
  modules: ViewModules<K>;
  view: K;
  attempt: number;
}) {
  const { default: View } = use(modules.moduleFor(view, attempt));
  return <View />;
}

/**
 * Where the view goes. The page's first view renders in a pass of its own, after the shell is on
 * screen: a deferred value renders at transition priority, in slices that yield to the browser
 * (as the view did when it still suspended on every page load). Rendered with the shell in one
 * task, the 3D view's start took up to 90 ms of main-thread CPU. Later switches render at once.
 */
export function ViewSlot<K extends string>({
  modules,
  view,
  attempt,
  fallback,
}: {
  modules: ViewModules<K>;
  view: K;
  attempt: number;
  fallback: ReactNode;
}) {
  const mounted = useDeferredValue<K | null>(view, null) !== null;
  if (!mounted) return null;
  return (
    <Suspense fallback={fallback}>
      <LoadedView modules={modules} view={view} attempt={attempt} />
    </Suspense>
  );
}
