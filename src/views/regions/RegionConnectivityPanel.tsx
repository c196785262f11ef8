/**
 * Region connectivity: the selection's partners through synapses inside one volume (pymaid
 * get_partners_in_volume) and the region × region matrix of the selection's outgoing synapses
 * (presynaptic site's region × postsynaptic node's region, where that node is loaded).
 */
import { useMemo, useState } from 'react';
import type { ConnectorWithPartners } from '../../api/connector-partners.ts';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { regionMatrix } from '../../analysis/regions/region-matrix.ts';
import type { RegionJobOutput } from '../../analysis/regions/region-job.ts';
import {
  partnersInVolume,
  selectionSynapseLinks,
  type PartnerInVolume,
} from '../../analysis/regions/selection-synapses.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { toCsv } from '../../lib/csv.ts';

interface Props {
  connectors: readonly ConnectorWithPartners[];
  result: RegionJobOutput;
  skeletons: readonly SkeletonDetail[];
  volumeNames: readonly string[];
  names: ReadonlyMap<number, string>;
  selection: ReadonlySet<number>;
}

type PartnerRow = PartnerInVolume & { name: string };

const partnerColumns: TableColumn<PartnerRow>[] = [
  column<PartnerRow>({ id: 'name', header: 'Partner', value: (r) => r.name, width: '16rem' }),
  column<PartnerRow>({
    id: 'partnerId',
    header: 'Skeleton ID',
    csv: 'skeleton_id',
    value: (r) => r.partnerId,
    numeric: true,
    format: String,
  }),
  column<PartnerRow>({ id: 'direction', header: 'Direction', value: (r) => r.direction }),
  column<PartnerRow>({
    id: 'inside',
    header: 'Synapses in volume',
    csv: 'synapses_in_volume',
    value: (r) => r.inside,
    numeric: true,
  }),
  column<PartnerRow>({
    id: 'total',
    header: 'Synapses in total',
    csv: 'synapses_total',
    value: (r) => r.total,
    numeric: true,
  }),
];

export function RegionConnectivityPanel(props: Props) {
  const { connectors, result, skeletons, volumeNames, names, selection } = props;
  const [volume, setVolume] = useState(0);
  const v = Math.min(volume, volumeNames.length - 1);
  const partners = useMemo(
    (): PartnerRow[] =>
      partnersInVolume(connectors, result.pointInside[v] ?? new Uint8Array(0), selection).map(
        (p) => ({ ...p, name: names.get(p.partnerId) ?? String(p.partnerId) }),
      ),
    [connectors, result, v, selection, names],
  );
  const table = useDataTable({
    data: partners,
    columns: partnerColumns,
    getRowId: (r) => `${r.direction}:${r.partnerId}`,
    initialSort: { id: 'inside', desc: true },
  });
  const matrix = useMemo(() => {
    const nodeRegion = new Map<number, number>();
    skeletons.forEach((s, k) => {
      const regions = result.nodeRegion[k];
      for (let i = 0; i < s.nodeCount; i++)
        nodeRegion.set(s.nodeIds[i] ?? Number.NaN, regions?.[i] ?? -1);
    });
    const connectorRegion = new Int16Array(connectors.length);
    connectors.forEach((_, i) => {
      let region = -1;
      for (let r = 0; r < result.pointInside.length && region < 0; r++)
        if (result.pointInside[r]?.[i]) region = r;
      connectorRegion[i] = region;
    });
    const links = selectionSynapseLinks(connectors, connectorRegion, selection, (id) =>
      nodeRegion.get(id),
    );
    return regionMatrix(volumeNames.length, links);
  }, [connectors, result, skeletons, selection, volumeNames.length]);
  const labels = [...volumeNames, 'outside all'];
  const matrixCsv = () =>
    toCsv([
      ['presynaptic_site_region', ...labels.map((l) => `post_in_${l}`), 'post_node_unknown'],
      ...labels.map((l, i) => [l, ...(matrix.counts[i] ?? []), matrix.unknownPost[i] ?? 0]),
    ]);
  return (
    <section aria-label="Region connectivity" className="regions-panel">
      <h2>Partners in a volume</h2>
      <label>
        Volume{' '}
        <select value={v} onChange={(e) => setVolume(Number(e.target.value))}>
          {volumeNames.map((n, i) => (
            <option key={n} value={i}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">
        Synapses count when their connector lies inside the volume (exact mesh test).
      </p>
      <ExportBar
        name="partners in volume"
        fileBase="partners-in-volume"
        actions={{ csv: () => tableCsv(partnerColumns, displayedRows(table)) }}
      />
      <DataTable table={table} label="Partners in volume" empty="No synapses in this volume." />
      <h2>Where the selection&apos;s synapses are</h2>
      <p className="hint">
        Rows: region of the presynaptic site (a selected neuron&apos;s output). Columns: region of
        the postsynaptic partner&apos;s node, known when that partner is in the selection.
      </p>
      <ExportBar name="region matrix" fileBase="region-matrix" actions={{ csv: matrixCsv }} />
      <table className="region-matrix" aria-label="Region matrix">
        <thead>
          <tr>
            <th scope="col">Presynaptic site in ↓ / partner node in →</th>
            {labels.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
            <th scope="col">partner node unknown</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((l, i) => (
            <tr key={l}>
              <th scope="row">{l}</th>
              {(matrix.counts[i] ?? []).map((n, j) => (
                <td key={labels[j]}>{n}</td>
              ))}
              <td>{matrix.unknownPost[i] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
