import type { ViewTab } from '../components/ViewTabs.tsx';
import type { ViewName } from '../state/url-state.ts';
import { PlannedView } from '../views/placeholder/PlannedView.tsx';
import { SearchView } from '../views/search/SearchView.tsx';

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
      return (
        <PlannedView
          title="3D viewer"
          purpose="Skeletons, synapses and neuropil volumes of the selection, with figure export."
        />
      );
    case 'connectivity':
      return (
        <PlannedView
          title="Connectivity"
          purpose="Partner tables, adjacency matrix and network graph of the selection."
        />
      );
    case 'stats':
      return (
        <PlannedView title="User statistics" purpose="Who traced and reviewed what, and when." />
      );
  }
}
