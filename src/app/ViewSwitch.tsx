/**
 * The view registry: one entry per view (tab label and a lazily loaded chunk), so adding a view
 * is one entry here plus its folder in src/views. Each view is its own chunk: three.js and the 3D
 * code load only when the 3D view opens, plotly only with the views that plot.
 */
import type { ViewTab } from '../components/ViewTabs.tsx';
import type { ViewName } from '../state/url-state.ts';
import { createViewModules, ViewSlot, type ViewModule } from './view-modules.tsx';

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

const modules = createViewModules((view: ViewName) => views[view].load());

/**
 * Starts loading a view's chunk: the one the page opens on loads while the dashboard config and
 * project list (which the view waits for) are fetched, so the view renders without suspending.
 */
export function preloadView(view: ViewName): void {
  modules.preload(view);
}

export function ViewSwitch({ view, attempt }: { view: ViewName; attempt: number }) {
  return (
    <ViewSlot
      modules={modules}
      view={view}
      attempt={attempt}
      fallback={<p role="status">Loading the {views[view].label} view…</p>}
    />
  );
}
