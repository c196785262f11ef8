import type { Column, RowData } from '@tanstack/react-table';
import type { Features } from './define-column.ts';
import type { DataTableInstance } from './use-data-table.ts';

export interface SelectAll {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
}

interface Props<T extends RowData> {
  table: DataTableInstance<T>;
  columns: readonly Column<Features, T, unknown>[];
  selectAll: SelectAll | undefined;
  hidden: boolean;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** Header row: sortable columns are buttons (Enter/Space sort), aria-sort on the header cell. */
export function DataTableHead<T extends RowData>({ table, columns, selectAll, hidden }: Props<T>) {
  const headers = table.getLeafHeaders().filter((h) => !h.column.columnDef.meta?.csvOnly);
  return (
    <thead className={hidden ? 'visually-hidden' : undefined}>
      <tr aria-rowindex={1}>
        {selectAll ? (
          <th scope="col" className="dt-check">
            <input
              type="checkbox"
              aria-label={selectAll.label}
              checked={selectAll.checked}
              disabled={selectAll.disabled}
              onChange={(e) => selectAll.onChange(e.target.checked)}
            />
          </th>
        ) : null}
        {headers.map((h, i) => {
          const meta = columns[i]?.columnDef.meta;
          const sorted = h.column.getIsSorted();
          const canSort = h.column.getCanSort();
          const content = <table.FlexRender header={h} />;
          return (
            <th
              key={h.id}
              scope="col"
              aria-sort={sorted ? ARIA_SORT[sorted] : canSort ? 'none' : undefined}
              aria-label={
                typeof h.column.columnDef.header === 'string' ? undefined : meta?.headerLabel
              }
              className={meta?.numeric ? 'dt-num' : undefined}
            >
              {canSort ? (
                <button
                  type="button"
                  className="dt-sort"
                  onClick={h.column.getToggleSortingHandler()}
                >
                  {content}
                  <span aria-hidden="true" className="dt-arrow">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                content
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
