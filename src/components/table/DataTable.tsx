/**
 * A generic sortable, virtualized table with optional row selection (checkboxes). ARIA table
 * roles on a CSS grid: only the visible rows are in the DOM, `aria-rowcount` tells assistive tech
 * (and tests) how many there are. The parent owns the rows; this owns sort and scroll.
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { Column } from './column.ts';
import { TableHeaderRow } from './TableHeaderRow.tsx';
import { sortRows, type SortState } from './sort-rows.ts';
import { useRowWindow } from './use-row-window.ts';
import './data-table.css';

export interface DataTableProps<T, K extends string | number> {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => K;
  initialSort?: SortState;
  /** Shown as the last, sticky row (e.g. totals), one cell per column. */
  footer?: readonly ReactNode[];
  /** Row selection: a checkbox column appears when given. */
  selected?: ReadonlySet<K>;
  onSelectedChange?: (keys: Set<K>) => void;
  /** Accessible name of a row's checkbox, e.g. the neuron name. */
  rowLabel?: (row: T) => string;
  /** Marks rows (e.g. already in the selection) with aria-current. */
  isCurrent?: (row: T) => boolean;
  onRowClick?: (row: T) => void;
  rowHeight?: number;
  /** Max body height in px before it scrolls. */
  maxHeight?: number;
  empty?: ReactNode;
}

export function DataTable<T, K extends string | number>(props: DataTableProps<T, K>) {
  const { rows, columns, rowKey, selected, onSelectedChange, rowHeight = 30 } = props;
  const [sort, setSort] = useState<SortState | null>(props.initialSort ?? null);
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.id === sort?.columnId);
    return sortRows(rows, col?.sortValue, sort?.direction ?? 'asc');
  }, [rows, columns, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowWindow = useRowWindow(sorted.length, rowHeight, scrollRef);
  const selectable = selected !== undefined && onSelectedChange !== undefined;
  const template = [
    ...(selectable ? ['2.2rem'] : []),
    ...columns.map((c) => c.width ?? 'minmax(5rem, 1fr)'),
  ].join(' ');
  const footerRows = props.footer ? 1 : 0;
  const minWidthRem = minWidth(selectable, columns);

  const toggle = (key: K, on: boolean) => {
    if (!onSelectedChange || !selected) return;
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    onSelectedChange(next);
  };
  const allKeys = sorted.map(rowKey);
  const allOn = allKeys.length > 0 && allKeys.every((k) => selected?.has(k));

  return (
    <div
      role="table"
      aria-label={props.label}
      aria-rowcount={sorted.length + 1 + footerRows}
      className="data-table"
      style={{ ['--dt-columns' as string]: template }}
    >
      <div className="dt-inner" style={{ minWidth: `${minWidthRem}rem` }}>
        <TableHeaderRow
          columns={columns}
          sort={sort}
          onSort={setSort}
          selectAll={
            selectable
              ? {
                  checked: allOn,
                  disabled: allKeys.length === 0,
                  onChange: (on) => onSelectedChange(on ? new Set(allKeys) : new Set()),
                }
              : undefined
          }
        />
        <div
          ref={scrollRef}
          className="dt-body"
          role="rowgroup"
          style={{ maxHeight: props.maxHeight ?? 420 }}
        >
          {sorted.length === 0 ? <div className="dt-empty">{props.empty ?? 'No rows'}</div> : null}
          <div style={{ height: rowWindow.totalSize, position: 'relative' }}>
            {rowWindow.items.map((item) => {
              const row = sorted[item.index];
              if (row === undefined) return null;
              const key = rowKey(row);
              return (
                <div
                  key={key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selectable ? selected.has(key) : undefined}
                  aria-current={props.isCurrent?.(row) ? 'true' : undefined}
                  className={`dt-row${props.onRowClick ? ' dt-clickable' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                  onClick={props.onRowClick ? () => props.onRowClick?.(row) : undefined}
                >
                  {selectable ? (
                    <div role="cell" className="dt-cell dt-check">
                      <input
                        type="checkbox"
                        aria-label={`Select ${props.rowLabel?.(row) ?? String(key)}`}
                        checked={selected.has(key)}
                        onClick={(e) => e.stopPropagation()}
                        onChange={(e) => toggle(key, e.target.checked)}
                      />
                    </div>
                  ) : null}
                  {columns.map((c) => (
                    <div key={c.id} role="cell" className={`dt-cell${c.numeric ? ' dt-num' : ''}`}>
                      {c.cell(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
        {props.footer ? (
          <div role="rowgroup">
            <div role="row" aria-rowindex={sorted.length + 2} className="dt-row dt-footer">
              {selectable ? <div role="cell" className="dt-cell" /> : null}
              {columns.map((c, i) => (
                <div key={c.id} role="cell" className={`dt-cell${c.numeric ? ' dt-num' : ''}`}>
                  {props.footer?.[i]}
                </div>
              ))}
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Sum of the columns' minimum widths (the first rem length of each track), in rem. */
function minWidth<T>(selectable: boolean, columns: readonly Column<T>[]): number {
  const first = (track: string) => Number(/([\d.]+)rem/.exec(track)?.[1] ?? 5);
  return (selectable ? 2.2 : 0) + columns.reduce((s, c) => s + first(c.width ?? '5rem'), 0) + 1;
}
