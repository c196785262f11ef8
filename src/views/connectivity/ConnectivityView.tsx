/**
 * Connectivity of the selection (or a chosen subset of it): partner tables, adjacency matrix,
 * network graph. Filters and the chosen panel survive switching panels.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { connectivityQuery } from '../../api/connectivity.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { useSelectionColors } from '../shared/selection-colors.ts';
import { GraphPanel } from './GraphPanel.tsx';
import { MatrixPanel } from './MatrixPanel.tsx';
import type { PartnerFilterState } from './PartnerControls.tsx';
import { PartnersPanel } from './PartnersPanel.tsx';
import { SourcePicker } from './SourcePicker.tsx';
import './connectivity.css';
import { COMPARTMENT } from '../../analysis/compartments/split.ts';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { useLinkTypePartners } from './use-link-type-partners.tsx';
import { CompartmentsPanel } from './compartments/CompartmentsPanel.tsx';
import { SourceCompartmentPicker } from './compartments/SourceCompartmentPicker.tsx';
import { useCompartmentConnectivity } from './compartments/use-compartment-connectivity.ts';

const PANELS = [
  { id: 'partners', label: 'Partners' },
  { id: 'matrix', label: 'Adjacency matrix' },
  { id: 'graph', label: 'Network graph' },
  { id: 'compartments', label: 'Compartments' },
] as const;
type Panel = (typeof PANELS)[number]['id'];

export function ConnectivityView() {
  const scope = useProjectScope();
  const ids = useSelection((s) => s.items.map((i) => i.skeletonId));
  const colors = useSelectionColors();
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  // Panel and filters live in the URL: a shared link reproduces the filtered table.
  const { panel, compartment, ...filter } = useUrlStore((s) => s.state.connectivity);
  const updateUrl = useUrlStore((s) => s.update);
  const setPanel = (next: Panel) =>
    updateUrl((s) => ({ ...s, connectivity: { ...s.connectivity, panel: next } }));
  const setFilter = (next: PartnerFilterState) =>
    updateUrl((s) => ({ ...s, connectivity: { ...s.connectivity, ...next } }), 'replace');
  const sources = ids.filter((id) => !excluded.has(id));
  const names = useQuery(neuronNamesQuery(scope, ids));
  const connectivity = useQuery({
    ...connectivityQuery(scope, sources),
    enabled: sources.length > 0,
  });
  const sourceNames = names.data ?? new Map<number, string>();
  // Link types beyond chemical synapses (gap junctions, …) replace the partner tables' data.
  const linkType = useLinkTypePartners(sources, panel === 'partners');
  const onCompartment = useCompartmentConnectivity(
    sources,
    connectivity.data,
    compartmentCode(compartment),
  );
  // A link type beyond chemical synapses replaces the tables' data; a compartment restricts
  // chemical synapses (compartments are split by synapse flow).
  const partnerData = linkType.connectivity ?? connectivity;
  const byCompartment = !linkType.connectivity && compartment !== 'all';
  const shownPartners = byCompartment ? onCompartment.data : partnerData.data;

  if (ids.length === 0) {
    return (
      <div className="view connectivity-view">
        <h1>Connectivity</h1>
        <p role="status" className="empty-note">
          The selection is empty. Add neurons from the Search view to see their partners, matrix and
          network.
        </p>
      </div>
    );
  }
  return (
    <div className="view connectivity-view">
      <h1 className="visually-hidden">Connectivity</h1>
      <SourcePicker
        ids={ids}
        names={sourceNames}
        colors={colors}
        excluded={excluded}
        onChange={setExcluded}
      />
      <QueryErrorMessage query={names} context="Neuron names failed" />
      {linkType.select}
      {panel === 'partners' || panel === 'matrix' ? (
        <SourceCompartmentPicker
          value={compartment}
          onChange={(next) =>
            updateUrl((s) => ({ ...s, connectivity: { ...s.connectivity, compartment: next } }))
          }
        />
      ) : null}
      <div role="tablist" aria-label="Connectivity panels" className="panel-tabs">
        {PANELS.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            aria-selected={panel === p.id}
            onClick={() => setPanel(p.id)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={PANELS.find((p) => p.id === panel)?.label}>
        {sources.length === 0 ? (
          <p role="status" className="empty-note">
            No source chosen: tick at least one neuron above.
          </p>
        ) : panel === 'compartments' ? (
          <CompartmentsPanel sources={sources} names={sourceNames} colors={colors} />
        ) : panel === 'partners' ? (
          partnerData.isError ? (
            <ErrorMessage
              error={partnerData.error}
              context="Connectivity failed"
              onRetry={() => void partnerData.refetch()}
              retrying={partnerData.isFetching}
            />
          ) : byCompartment && onCompartment.error ? (
            <ErrorMessage
              error={onCompartment.error}
              context="Partners by compartment failed"
              onRetry={onCompartment.retry}
            />
          ) : shownPartners ? (
            <PartnersPanel
              {...(linkType.title ? { reciprocalTitle: linkType.title } : {})}
              connectivity={shownPartners}
              sources={sources}
              sourceNames={sourceNames}
              colors={colors}
              filter={filter}
              onFilter={setFilter}
            />
          ) : (
            <p role="status">
              {byCompartment ? 'Splitting sources and loading partners…' : 'Loading partners…'}
            </p>
          )
        ) : panel === 'matrix' ? (
          <MatrixPanel
            ids={sources}
            names={sourceNames}
            colors={colors}
            compartment={matrixCompartment(linkType.connectivity !== null, compartment)}
          />
        ) : (
          <GraphPanel
            sources={sources}
            names={sourceNames}
            colors={colors}
            connectivity={connectivity.data}
            filter={filter}
          />
        )}
      </div>
    </div>
  );
}

/** The matrix honours the compartment for chemical synapses only (splits are by synapse flow). */
function matrixCompartment(otherLinkType: boolean, name: string) {
  const code = compartmentCode(name);
  return otherLinkType || code === null ? null : { name, code };
}

function compartmentCode(c: string): number | null {
  const codes: Record<string, number> = {
    dendrite: COMPARTMENT.dendrite,
    axon: COMPARTMENT.axon,
    linker: COMPARTMENT.linker,
    'primary-neurite': COMPARTMENT.primaryNeurite,
  };
  return codes[c] ?? null;
}
