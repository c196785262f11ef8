/**
 * Section 5, history and provenance (pymaid `get_skeleton_change`, `get_origin`, time machine):
 * the split/merge history, node creation over time per user, and the "as of date" slider that
 * shows the neuron as it was (the summary above follows it; the projection, the 3D markers
 * and the 3D view of the old skeleton with its changes coloured, AsOf3DPanel, here show it).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ArborNode } from '../../analysis/neuron/arbor.ts';
import { historyEvents } from '../../analysis/neuron/as-of.ts';
import { creationByUser } from '../../analysis/neuron/creation-timeline.ts';
import type { SkeletonHistory } from '../../api/skeleton-history.ts';
import { changeHistoryQuery } from '../../api/skeleton-provenance.ts';
import { ExportableChart } from '../../components/plots/ExportableChart.tsx';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { svgToPng } from '../../components/plots/download.ts';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { formatCount } from '../../lib/format.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { useUserNames } from '../stats/use-user-names.ts';
import { AsOfSlider } from './AsOfSlider.tsx';
import { AsOf3DPanel } from './AsOf3DPanel.tsx';
import { projectArbor, projectionSvg } from './arbor-projection.ts';
import { creationCsv, creationFigure } from './creation-figure.ts';
import { lineageColumns, lineageStory, type LineageRow } from './lineage-columns.tsx';
import { useShowNodesIn3D } from './use-show-nodes.ts';
import { ProvenancePanel } from './ProvenancePanel.tsx';

interface Props {
  skeletonId: number;
  name: string;
  history: SkeletonHistory;
  arbor: readonly ArborNode[];
  asOf: { day: string | null; set(day: string | null): void };
}

const VIEW_W = 640;
const VIEW_H = 400;

export function HistorySection({ skeletonId, name, history, arbor, asOf }: Props) {
  const scope = useProjectScope();
  const userName = useUserNames();
  const lineage = useQuery(changeHistoryQuery(scope, skeletonId));
  const rows: LineageRow[] = useMemo(
    () =>
      (lineage.data ?? []).map((r) => ({
        ...r,
        key: r.path.join('-'),
        story: lineageStory(r, skeletonId),
      })),
    [lineage.data, skeletonId],
  );
  const table = useDataTable({
    data: rows,
    columns: lineageColumns,
    getRowId: (r) => r.key,
    initialSort: { id: 'nodeCount', desc: true },
  });
  const events = useMemo(() => historyEvents(history.versions), [history.versions]);
  const series = useMemo(() => creationByUser(history.versions), [history.versions]);
  const figure = useMemo(() => creationFigure(series, userName), [series, userName]);
  const liveCount = history.versions.filter((v) => v.ordering === 1).length;
  const projection = useMemo(() => projectArbor(arbor, VIEW_W, VIEW_H), [arbor]);
  const caption = `${name} (skeleton ${skeletonId}), XY, ${asOf.day ? `as of ${asOf.day}` : 'now'}`;
  const show = useShowNodesIn3D(skeletonId, arbor);
  const exportSvg = (w: number, h: number) =>
    Promise.resolve(projectionSvg(projectArbor(arbor, w, h), caption));
  return (
    <section className="stats-section" aria-labelledby="history-title">
      <h2 id="history-title">History and provenance</h2>
      <ProvenancePanel skeletonId={skeletonId} />
      <h3>As of date</h3>
      {events.length > 0 ? (
        <AsOfSlider
          first={events[0] ?? 0}
          last={events[events.length - 1] ?? 0}
          day={asOf.day}
          onChange={asOf.set}
        />
      ) : null}
      <p role="status" aria-label="Nodes as of date">
        {asOf.day
          ? `${formatCount(arbor.length)} nodes at the end of ${asOf.day} (now ${formatCount(liveCount)})`
          : `${formatCount(liveCount)} nodes now`}
      </p>
      <ExportBar
        name="tree projection"
        fileBase={`neuron-${skeletonId}-xy${asOf.day ? `-${asOf.day}` : ''}`}
        defaultSize={{ width: VIEW_W, height: VIEW_H }}
        actions={{
          svg: exportSvg,
          png: async (w, h) => svgToPng(await exportSvg(w, h), w, h),
        }}
      />
      <svg
        className="arbor-projection"
        role="img"
        aria-label={`Tree projection: ${caption}`}
        width={VIEW_W}
        height={VIEW_H}
        viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
      >
        <path d={projection.path} fill="none" stroke="currentColor" strokeWidth={1} />
      </svg>
      <button
        type="button"
        onClick={() =>
          show(
            arbor.map((n) => n.nodeId),
            `${name}: nodes ${asOf.day ? `as of ${asOf.day}` : 'now'}`,
          )
        }
      >
        Show these nodes in 3D
      </button>
      <AsOf3DPanel {...{ skeletonId, name, arbor, day: asOf.day }} versions={history.versions} />
      <h3>Splits and merges</h3>
      <QueryErrorMessage query={lineage} context="Could not load the change history" />
      {lineage.isSuccess ? (
        <>
          <ExportBar
            name="change history"
            fileBase={`neuron-${skeletonId}-change-history`}
            actions={{ csv: () => tableCsv(lineageColumns, displayedRows(table)) }}
          />
          <DataTable table={table} label="Change history of this skeleton" />
        </>
      ) : null}
      <h3>Node creation per user</h3>
      <ExportableChart
        name="node creation"
        fileBase={`neuron-${skeletonId}-node-creation`}
        height={320}
        data={figure.data}
        layout={figure.layout}
        csv={() => creationCsv(series, userName)}
      />
    </section>
  );
}
