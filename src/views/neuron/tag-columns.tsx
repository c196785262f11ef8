/** The Neuron view's tag table: tag, count, nodes and a "Show in 3D" action per tag. */
import type { TagRow } from '../../analysis/neuron/tag-table.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';

const SHOWN_IDS = 6;

export function tagColumns(show: (row: TagRow) => void): TableColumn<TagRow>[] {
  return [
    column<TagRow>({
      id: 'tag',
      header: 'Tag',
      width: 'auto',
      value: (r) => r.tag,
      cell: (r) => (r.checklist ? <strong className="checklist-tag">{r.tag}</strong> : r.tag),
      csv: 'tag',
    }),
    column<TagRow>({
      id: 'count',
      header: 'Nodes',
      numeric: true,
      width: '6rem',
      value: (r) => r.count,
      csv: 'count',
    }),
    column<TagRow>({
      id: 'nodes',
      header: 'Node ids',
      width: 'auto',
      cell: (r) =>
        r.nodeIds.slice(0, SHOWN_IDS).join(', ') +
        (r.nodeIds.length > SHOWN_IDS ? ` … (+${r.nodeIds.length - SHOWN_IDS})` : ''),
      csv: { header: 'node_ids', value: (r) => r.nodeIds.join(' ') },
    }),
    column<TagRow>({
      id: 'show',
      header: 'Show',
      width: '7rem',
      csv: false,
      cell: (r) => (
        <button
          type="button"
          onClick={() => show(r)}
          aria-label={`Show nodes tagged ${r.tag} in 3D`}
        >
          Show in 3D
        </button>
      ),
    }),
  ];
}
