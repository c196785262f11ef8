import { DataTable } from '../../../components/table/DataTable.tsx';
import type { DataTableInstance } from '../../../components/table/use-data-table.ts';
import type { ResultRow } from './result-row.ts';
import { clickRow, selectAll, toggleRow, type RowSelection } from './row-selection.ts';

interface Props {
  table: DataTableInstance<ResultRow>;
  /** The rows in display order. */
  rows: readonly ResultRow[];
  rowSelection: RowSelection;
  onRowSelection: (next: RowSelection) => void;
  onVisibleChange: (rows: ResultRow[]) => void;
}

const skeletonIdOf = (r: ResultRow) => r.skeletonId;

/** The results as a virtualized table with file-manager row selection. */
export function ResultsTable({
  table,
  rows,
  rowSelection,
  onRowSelection,
  onVisibleChange,
}: Props) {
  // Built on a click, not per render: while pages stream in, rows change every page.
  const ids = () => rows.map((r) => r.skeletonId);
  return (
    <DataTable
      table={table}
      source={{ rows, id: skeletonIdOf }}
      label="Search results"
      className="table-scroll results-table"
      height="62vh"
      rowHeight={33}
      onVisibleRowsChange={onVisibleChange}
      selection={{
        isSelected: (r) => rowSelection.selected.has(r.skeletonId),
        onToggle: (_r, index) => onRowSelection(toggleRow(rowSelection, ids(), index)),
        rowLabel: (r) => r.name,
        selectAll: {
          label: 'Select all results',
          checked: rows.length > 0 && rowSelection.selected.size === rows.length,
          onChange: (on) => onRowSelection(selectAll(ids(), on)),
        },
      }}
      onRowClick={(_r, index, e) =>
        onRowSelection(
          clickRow(rowSelection, ids(), index, {
            shift: e.shiftKey,
            toggle: e.ctrlKey || e.metaKey,
          }),
        )
      }
    />
  );
}
