/**
 * Section 4, tags (pymaid `get_node_tags`, `get_label_list`, `find_nodes`): the tags on this
 * neuron with their nodes, each shown in 3D on a click, and the completeness checklist: leaves
 * with an end tag, open ends (leaves without one) and TODOs (rules in analysis/neuron/tag-table.ts).
 */
import { useMemo } from 'react';
import { leavesOf, type ArborNode } from '../../analysis/neuron/arbor.ts';
import { completeness, END_TAGS, tagTable, type TagRow } from '../../analysis/neuron/tag-table.ts';
import type { SkeletonHistory } from '../../api/skeleton-history.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { toCsv } from '../../lib/csv.ts';
import { formatCount } from '../../lib/format.ts';
import { tagColumns } from './tag-columns.tsx';
import { useShowNodesIn3D } from './use-show-nodes.ts';

interface Props {
  skeletonId: number;
  name: string;
  history: SkeletonHistory;
  live: readonly ArborNode[];
}

export function TagsSection({ skeletonId, name, history, live }: Props) {
  const show = useShowNodesIn3D(skeletonId, live);
  const liveIds = useMemo(() => new Set(live.map((n) => n.nodeId)), [live]);
  const rows = useMemo(() => tagTable(history.tags, liveIds), [history.tags, liveIds]);
  const check = useMemo(
    () =>
      completeness(
        leavesOf(live).map((n) => n.nodeId),
        history.tags,
      ),
    [live, history.tags],
  );
  const columns = useMemo(
    () => tagColumns((r: TagRow) => show(r.nodeIds, `${name}: tag "${r.tag}" (${r.count} nodes)`)),
    [show, name],
  );
  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (r) => r.tag,
    initialSort: { id: 'count', desc: true },
  });
  const openEndsCsv = () => toCsv([['open_end_node_id'], ...check.openEnds.map((id) => [id])]);
  return (
    <section className="stats-section" aria-labelledby="tags-title">
      <h2 id="tags-title">Tags</h2>
      <h3>Completeness</h3>
      <ul className="checklist" aria-label="Completeness checklist">
        <li data-check="closed">
          {formatCount(check.closedEnds)} of {formatCount(check.leaves)} leaves carry an end tag (
          {END_TAGS.join(', ')})
        </li>
        <li data-check="open" className={check.openEnds.length > 0 ? 'check-open' : 'check-done'}>
          {formatCount(check.openEnds.length)} open ends
          {check.openEnds.length > 0 ? (
            <button
              type="button"
              onClick={() => show(check.openEnds, `${name}: open ends (${check.openEnds.length})`)}
            >
              Show open ends in 3D
            </button>
          ) : null}
        </li>
        <li data-check="todo" className={check.todo.length > 0 ? 'check-open' : 'check-done'}>
          {formatCount(check.todo.length)} nodes tagged TODO
        </li>
      </ul>
      <ExportBar
        name="open ends"
        fileBase={`neuron-${skeletonId}-open-ends`}
        actions={{ csv: openEndsCsv }}
      />
      <h3>Tags on this neuron</h3>
      {rows.length === 0 ? (
        <p className="empty-note">No node of this neuron is tagged.</p>
      ) : (
        <>
          <ExportBar
            name="tags"
            fileBase={`neuron-${skeletonId}-tags`}
            actions={{ csv: () => tableCsv(columns, displayedRows(table)) }}
          />
          <DataTable table={table} label="Tags of this neuron" />
        </>
      )}
    </section>
  );
}
