import type { ViewTab } from '../components/ViewTabs.tsx';
import type { ViewName } from '../state/url-state.ts';
import { ConnectivityView } from '../views/connectivity/ConnectivityView.tsx';
import { SearchView } from '../views/search/SearchView.tsx';
import { Viewer3DView } from '../views/viewer3d/Viewer3DView.tsx';
import { StatsView } from '../views/stats/StatsView.tsx';

export const viewTabs: readonly ViewTab<ViewName>[] = [
  { id: 'search', label: 'Search' },
  { id: '3d', label: '3D' },
  { id: 'connectivity', label: 'Connectivity' },
  { id: 'stats', label: 'Stats' },
];

export function ViewSwitch({ view }: { view: ViewName }) {
  switch (view) {
    case 'search':
      return <SearchView />;
    case '3d':
      return <Viewer3DView />;
    case 'connectivity':
      return <ConnectivityView />;
    case 'stats':
      return <StatsView />;
  }
}
