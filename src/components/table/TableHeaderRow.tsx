import type { Column } from './column.ts';
import { nextSort, type SortState } from './sort-rows.ts';

interface Props<T> {
  columns: readonly Column<T>[];
  sort: SortState | null;
  onSort: (s: SortState) => void;
  selectAll?: { checked: boolean; disabled: boolean; onChange: (on: boolean) => void } | undefined;
}

/** Header row of a DataTable: sortable columns are buttons, with aria-sort on the header. */
export function TableHeaderRow<T>({ columns, sort, onSort, selectAll }: Props<T>) {
  return (
    <div role="rowgroup">
      <div role="row" aria-rowindex={1} className="dt-row dt-header">
        {selectAll ? (
          <div role="columnheader" className="dt-cell dt-check">
            <input
              type="checkbox"
              aria-label="Select all rows"
              checked={selectAll.checked}
              disabled={selectAll.disabled}
              onChange={(e) => selectAll.onChange(e.target.checked)}
            />
          </div>
        ) : null}
        {columns.map((c) => {
          const active = sort?.columnId === c.id;
          const ariaSort = active
            ? sort.direction === 'asc'
              ? 'ascending'
              : 'descending'
            : c.sortValue
              ? 'none'
              : undefined;
          return (
            <div
              key={c.id}
              role="columnheader"
              aria-sort={ariaSort}
              aria-label={c.headerLabel}
              className={`dt-cell${c.numeric ? ' dt-num' : ''}`}
            >
              {c.sortValue ? (
                <button
                  type="button"
                  className="dt-sort"
                  onClick={() => onSort(nextSort(sort, c.id, c.numeric ?? false))}
                >
                  {c.header}
                  <span aria-hidden="true" className="dt-arrow">
                    {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                c.header
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
