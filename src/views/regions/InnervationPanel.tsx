/**
 * neuPrint's ROI profile for CATMAID: the selection × chosen volumes, as a sortable table (CSV)
 * and a heatmap of the fraction inside (SVG / PNG).
 */
import { useMemo } from 'react';
import type { Innervation } from '../../analysis/regions/innervation.ts';
import { fraction } from '../../analysis/regions/innervation.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { svgToPng } from '../../components/plots/download.ts';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import type { RegionMeasure } from '../../state/regions-url.ts';
import { heatmapSvg, heatmapSize } from './heatmap-svg.ts';
import { innervationColumns, type InnervationRow } from './innervation-columns.ts';

interface Props {
  innervation: readonly (readonly Innervation[])[];
  volumeNames: readonly string[];
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
  measure: RegionMeasure;
  onMeasure: (m: RegionMeasure) => void;
}

const MEASURE_LABELS: Record<RegionMeasure, string> = {
  cable: 'cable',
  nodes: 'nodes',
  pre: 'presynapses',
  post: 'postsynapses',
};

export function InnervationPanel({
  innervation,
  volumeNames,
  names,
  colors,
  measure,
  onMeasure,
}: Props) {
  const rows = useMemo(
    (): InnervationRow[] =>
      innervation.flatMap((perVolume) =>
        perVolume.map((r, v) => ({
          key: `${r.skeletonId}:${v}`,
          skeletonId: r.skeletonId,
          neuron: names.get(r.skeletonId) ?? String(r.skeletonId),
          region: volumeNames[v] ?? '',
          inside: r.inside,
          total: r.total,
        })),
      ),
    [innervation, names, volumeNames],
  );
  const table = useDataTable({ data: rows, columns: innervationColumns, getRowId: (r) => r.key });
  const heatmap = useMemo(
    () => ({
      title: `Fraction of each neuron's ${MEASURE_LABELS[measure]} inside each region`,
      rows: innervation.map((perVolume) => {
        const id = perVolume[0]?.skeletonId ?? 0;
        return { label: names.get(id) ?? String(id), color: colors.get(id) };
      }),
      columns: volumeNames,
      values: innervation.map((perVolume) =>
        perVolume.map((r) => fraction(r.inside[measure], r.total[measure])),
      ),
    }),
    [innervation, names, colors, volumeNames, measure],
  );
  const svg = useMemo(() => heatmapSvg(heatmap), [heatmap]);
  const size = heatmapSize(heatmap);
  return (
    <section aria-label="Innervation" className="regions-panel">
      <h2>Innervation</h2>
      <p className="hint">
        Cable counts half of an edge for each end inside, so inside + outside = the neuron&apos;s
        total; synapses are placed at their connector.
      </p>
      <ExportBar
        name="innervation table"
        fileBase="innervation"
        actions={{ csv: () => tableCsv(innervationColumns, displayedRows(table)) }}
      />
      <DataTable table={table} label="Innervation per neuron and region" empty="Nothing to show." />
      <h3>Heatmap</h3>
      <label>
        Measure{' '}
        <select value={measure} onChange={(e) => onMeasure(e.target.value as RegionMeasure)}>
          {(Object.keys(MEASURE_LABELS) as RegionMeasure[]).map((m) => (
            <option key={m} value={m}>
              {MEASURE_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <ExportBar
        name="innervation heatmap"
        fileBase={`innervation-heatmap-${measure}`}
        defaultSize={size}
        actions={{
          svg: (width, height) => Promise.resolve(heatmapSvg(heatmap, { width, height })),
          png: (width, height) => svgToPng(heatmapSvg(heatmap, { width, height }), width, height),
        }}
      />
      <img
        className="regions-heatmap"
        alt={heatmap.title}
        width={size.width}
        height={size.height}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      />
    </section>
  );
}
