/**
 * Circuit questions on the selection (issue 12): paths A → B, n-hop neighbourhoods, partners
 * grouped by cell type, a rectangular (grouped) connectivity matrix and per-neuron input/output
 * fractions, with a link-type choice where the project has more than chemical synapses. Every
 * query lives in the URL (state/circuits-url.ts), so a shared link reproduces it.
 */
import { useQuery } from '@tanstack/react-query';
import { linkTypesQuery, SYNAPTIC } from '../../api/connector-types.ts';
import type { CircuitsPanel, CircuitsUrlState } from '../../state/circuits-url.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { useSelectionColors } from '../shared/selection-colors.ts';
import { FractionsPanel } from './FractionsPanel.tsx';
import { GroupsPanel } from './GroupsPanel.tsx';
import { HoodPanel } from './HoodPanel.tsx';
import { RectMatrixPanel } from './RectMatrixPanel.tsx';
import { PathsPanel } from './PathsPanel.tsx';
import '../connectivity/connectivity.css';
import './circuits.css';

const PANELS: { id: CircuitsPanel; label: string }[] = [
  { id: 'paths', label: 'Paths' },
  { id: 'hood', label: 'Neighbourhood' },
  { id: 'groups', label: 'Grouped partners' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'fractions', label: 'Input/output fractions' },
];

export function CircuitsView() {
  const scope = useProjectScope();
  const state = useUrlStore((s) => s.state.circuits);
  const update = useUrlStore((s) => s.update);
  const count = useSelection((s) => s.items.length);
  const colors = useSelectionColors();
  const linkTypes = useQuery(linkTypesQuery(scope));
  const onState = (patch: Partial<CircuitsUrlState>) =>
    update((s) => ({ ...s, circuits: { ...s.circuits, ...patch } }), 'replace');
  const setPanel = (panel: CircuitsPanel) =>
    update((s) => ({ ...s, circuits: { ...s.circuits, panel } }));
  // Without connectors/types (old servers) only synapses are offered.
  const types = linkTypes.data ?? [SYNAPTIC];
  const common = { state, onState, colors, linkTypes: types };
  return (
    <div className="view circuits-view">
      <h1 className="visually-hidden">Circuits</h1>
      {count === 0 ? (
        <p role="status" className="empty-note">
          The selection is empty: queries on “the selection” find nothing. Add neurons from the
          Search view, or choose neurons by annotation below.
        </p>
      ) : null}
      <div role="tablist" aria-label="Circuit panels" className="panel-tabs">
        {PANELS.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            aria-selected={state.panel === p.id}
            onClick={() => setPanel(p.id)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={PANELS.find((p) => p.id === state.panel)?.label}>
        {state.panel === 'paths' ? (
          <PathsPanel {...common} />
        ) : state.panel === 'hood' ? (
          <HoodPanel {...common} />
        ) : state.panel === 'groups' ? (
          <GroupsPanel {...common} />
        ) : state.panel === 'matrix' ? (
          <RectMatrixPanel {...common} />
        ) : (
          <FractionsPanel {...common} />
        )}
      </div>
    </div>
  );
}
