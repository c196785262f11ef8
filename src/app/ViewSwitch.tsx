/**
 * The view registry: one entry per view (tab label and a lazily loaded chunk), so adding a view
 * is one entry here plus its folder in src/views. Each view is its own chunk: three.js and the 3D
 * code load only when the 3D view opens, plotly only with the views that plot.
 */
import { Suspense, use, type ComponentType } from 'react';
import type { ViewTab } from '../components/ViewTabs.tsx';
import type { ViewName } from '../state/url-state.ts';

type ViewModule = Promise<{ default: ComponentType }>;

interface ViewEntry {
  label: string;
  load: () => ViewModule;
}

const views: Record<ViewName, ViewEntry> = {
  search: {
    label: 'Search',
    load: () => import('../views/search/SearchView.tsx').then((m) => ({ default: m.SearchView })),
  },
  '3d': {
    label: '3D',
    load: () =>
      import('../views/viewer3d/Viewer3DView.tsx').then((m) => ({ default: m.Viewer3DView })),
  },
  connectivity: {
    label: 'Connectivity',
    load: () =>
      import('../views/connectivity/ConnectivityView.tsx').then((m) => ({
        default: m.ConnectivityView,
      })),
  },
  circuits: {
    label: 'Circuits',
    load: () =>
      import('../views/circuits/CircuitsView.tsx').then((m) => ({ default: m.CircuitsView })),
  },
  similarity: {
    label: 'Similarity',
    load: () =>
      import('../views/similarity/SimilarityView.tsx').then((m) => ({
        default: m.SimilarityView,
      })),
  },
  regions: {
    label: 'Regions',
    load: () =>
      import('../views/regions/RegionsView.tsx').then((m) => ({ default: m.RegionsView })),
  },
  stats: {
    label: 'Stats',
    load: () => import('../views/stats/StatsView.tsx').then((m) => ({ default: m.StatsView })),
  },
  neuron: {
    label: 'Neuron',
    load: () => import('../views/neuron/NeuronView.tsx').then((m) => ({ default: m.NeuronView })),
  },
};

export const viewTabs: readonly ViewTab<ViewName>[] = (Object.keys(views) as ViewName[]).map(
  (id) => ({ id, label: views[id].label }),
);

/**
 * One module promise per view and attempt. React.lazy would keep a failed import for good; here a
 * chunk that failed to load (the dashboard server restarted, the network dropped) is requested
 * again when the error boundary's Retry bumps `attempt`.
 */
const modules = new Map<string, ViewModule>();
function moduleFor(view: ViewName, attempt: number): ViewModule {
  const key = `${view}:${attempt}`;
  let m = modules.get(key);
  if (!m) {
    m = views[view].load();
    modules.set(key, m);
  }
  return m;
}

function LoadedView({ view, attempt }: { view: ViewName; attempt: number }) {
  const { default: View } = use(moduleFor(view, attempt));
  return <View />;
}

export function ViewSwitch({ view, attempt }: { view: ViewName; attempt: number }) {
  return (
    <Suspense fallback={<p role="status">Loading the {views[view].label} view…</p>}>
      <LoadedView view={view} attempt={attempt} />
    </Suspense>
  );
}
