/**
 * Compartments of the sources: each neuron split into dendrite, axon, linker and primary neurite
 * by synapse flow centrality (Schneider-Mizell et al. 2016, as navis), its segregation index and
 * cable, outputs and inputs per compartment; CSV export; "show in 3D by compartment".
 */
import { useMemo } from 'react';
import { ExportBar } from '../../../components/plots/ExportBar.tsx';
import { DataTable } from '../../../components/table/DataTable.tsx';
import { tableCsv } from '../../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../../components/table/use-data-table.ts';
import { useUrlStore } from '../../../state/url-store.ts';
import { ErrorMessage } from '../../shared/ErrorMessage.tsx';
import { compartmentColumns, type CompartmentRow } from './compartment-columns.tsx';
import { useSourceSplits } from './use-source-splits.ts';
import './compartments.css';

interface Props {
  sources: readonly number[];
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
}

export function CompartmentsPanel({ sources, names, colors }: Props) {
  const splits = useSourceSplits(sources);
  const update = useUrlStore((s) => s.update);
  const rows = useMemo<CompartmentRow[]>(
    () =>
      splits.splits.map(({ summary, detail }) => ({
        skeletonId: detail.skeletonId,
        name: names.get(detail.skeletonId) ?? String(detail.skeletonId),
        color: colors.get(detail.skeletonId) ?? '#888888',
        split: summary.split,
        segregationIndex: summary.segregationIndex,
        cableUm: summary.byCompartment.map((c) => c.cableNm / 1000),
        pre: summary.byCompartment.map((c) => c.pre),
        post: summary.byCompartment.map((c) => c.post),
      })),
    [splits.splits, names, colors],
  );
  const table = useDataTable({
    data: rows,
    columns: compartmentColumns,
    getRowId: (r) => r.skeletonId,
    initialSort: { id: 'name', desc: false },
  });
  const show3d = () =>
    update((s) => ({ ...s, view: '3d', viewer: { ...s.viewer, colourMode: 'compartment' } }));
  return (
    <section className="compartments-panel" aria-label="Compartments">
      <p className="note">
        Axon and dendrite by synapse flow centrality (Schneider-Mizell et al. 2016, as navis&apos;
        split_axon_dendrite): the linker is the cable carrying ≥ 90 % of the maximum flow; the
        fragments beyond it with more outputs than inputs (as a share of the neuron&apos;s) are
        axon, the others dendrite; the primary neurite is the low-flow cable at the soma. The
        segregation index is 1 when inputs and outputs are fully separated, 0 when mixed.
      </p>
      <div className="similarity-controls">
        <button type="button" onClick={show3d}>
          Show in 3D coloured by compartment
        </button>
      </div>
      {splits.error ? (
        <ErrorMessage
          error={splits.error}
          context="Splitting neurons failed"
          onRetry={splits.retry}
          retrying={splits.retrying}
        />
      ) : null}
      <p role="status" data-compartments-ready={splits.pending === 0 ? 'true' : 'false'}>
        {splits.pending > 0
          ? `Splitting neurons: ${sources.length - splits.pending} of ${sources.length}…`
          : `${rows.length} neurons split.`}
      </p>
      <ExportBar
        name="compartments"
        fileBase="compartments"
        actions={{ csv: () => tableCsv(compartmentColumns, displayedRows(table)) }}
      />
      <DataTable table={table} label="Compartments per neuron" empty="No neuron split yet." />
    </section>
  );
}
