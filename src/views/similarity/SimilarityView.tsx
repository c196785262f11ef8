/**
 * Similarity of the selection's neurons, two ways: by connectivity (shared partners) and by
 * shape (NBLAST). Each gives a matrix, a dendrogram and clusters that can become colour groups.
 */
import { useQuery } from '@tanstack/react-query';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { useSelectionColors } from '../shared/selection-colors.ts';
import { ConnectivitySimilarityPanel } from './ConnectivitySimilarityPanel.tsx';
import { NblastPanel } from './NblastPanel.tsx';
import './similarity.css';

const PANELS = [
  { id: 'connectivity', label: 'By connectivity' },
  { id: 'nblast', label: 'By shape (NBLAST)' },
] as const;

export function SimilarityView() {
  const scope = useProjectScope();
  const ids = useSelection((s) => s.items.map((i) => i.skeletonId));
  const colors = useSelectionColors();
  const panel = useUrlStore((s) => s.state.similarity.panel);
  const update = useUrlStore((s) => s.update);
  const names = useQuery(neuronNamesQuery(scope, ids));
  const nameMap = names.data ?? new Map<number, string>();
  if (ids.length === 0) {
    return (
      <div className="view similarity-view">
        <h1>Similarity</h1>
        <p role="status" className="empty-note">
          The selection is empty. Add neurons from the Search view to compare them.
        </p>
      </div>
    );
  }
  return (
    <div className="view similarity-view">
      <h1 className="visually-hidden">Similarity</h1>
      <QueryErrorMessage query={names} context="Neuron names failed" />
      <div role="tablist" aria-label="Similarity panels" className="panel-tabs">
        {PANELS.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            aria-selected={panel === p.id}
            onClick={() => update((s) => ({ ...s, similarity: { ...s.similarity, panel: p.id } }))}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={PANELS.find((p) => p.id === panel)?.label}>
        {panel === 'connectivity' ? (
          <ConnectivitySimilarityPanel ids={ids} names={nameMap} colors={colors} />
        ) : (
          <NblastPanel ids={ids} names={nameMap} colors={colors} />
        )}
      </div>
    </div>
  );
}
