/**
 * The view registry: one entry per view (tab label and a lazily loaded chunk), so adding a view
 * is one entry here plus its folder in src/views. Each view is its own chunk: three.js and the 3D
 * code load only when the 3D view opens, plotly only with the views that plot.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { ViewTab } from '../components/ViewTabs.tsx';
import type { ViewName } from '../state/url-state.ts';

interface ViewEntry {
  label: string;
  component: LazyExoticComponent<ComponentType>;
}

const views: Record<ViewName, ViewEntry> = {
  search: {
    label: 'Search',
    component: lazy(() =>
      import('../views/search/SearchView.tsx').then((m) => ({ default: m.SearchView })),
    ),
  },
  '3d': {
    label: '3D',
    component: lazy(() =>
      import('../views/viewer3d/Viewer3DView.tsx').then((m) => ({ default: m.Viewer3DView })),
    ),
  },
  connectivity: {
    label: 'Connectivity',
    component: lazy(() =>
      import('../views/connectivity/ConnectivityView.tsx').then((m) => ({
        default: m.ConnectivityView,
      })),
    ),
  },
  stats: {
    label: 'Stats',
    component: lazy(() =>
      import('../views/stats/StatsView.tsx').then((m) => ({ default: m.StatsView })),
    ),
  },
};

export const viewTabs: readonly ViewTab<ViewName>[] = (Object.keys(views) as ViewName[]).map(
  (id) => ({ id, label: views[id].label }),
);

export function ViewSwitch({ view }: { view: ViewName }) {
  const View = views[view].component;
  return (
    <Suspense fallback={<p role="status">Loading the {views[view].label} view…</p>}>
      <View />
    </Suspense>
  );
}
