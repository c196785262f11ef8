/**
 * Renders any table model from useDataTable: a real <table> (headers with scope and aria-sort,
 * sortable headers are buttons), only the rows in view in the DOM (fixed row height, see
 * row-window.ts; `aria-rowcount` tells assistive tech and tests how many there are), an optional
 * checkbox column, and a sticky footer of column totals derived from the columns.
 */
import type { RowData } from '@tanstack/react-table';
import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { BodyCell } from './BodyCell.tsx';
import { DataTableHead, type SelectAll } from './DataTableHead.tsx';
import { columnTotals, hasFooter } from './table-export.ts';
import { tableMinWidthRem, type DataTableInstance } from './use-data-table.ts';
import { useRowWindow } from './use-row-window.ts';
import './data-table.css';

interface RowSelectionProps<T> {
  isSelected: (row: T) => boolean;
  onToggle: (row: T, index: number, checked: boolean) => void;
  /** The checkbox's name is "Select <rowLabel>". */
  rowLabel: (row: T) => string;
  selectAll: SelectAll;
}

/**
 * Rows handed over in display order instead of the table model's rows: the model then holds only
 * the columns and the sort state, so a list that grows page by page to 100,000 rows costs nothing
 * per row on each page (the model builds an object per row; only the rows in view matter here).
 */
export interface RowSource<T> {
  rows: readonly T[];
  id: (row: T) => string | number;
}

export interface DataTableProps<T extends RowData> {
  table: DataTableInstance<T>;
  /** The rows to show; default: the table model's rows. */
  source?: RowSource<T>;
  label: string;
  rowHeight?: number;
  /** CSS height of the scrolling body, e.g. `62vh`; default: up to `maxHeight` px. */
  height?: string;
  /** Default 420; null leaves the size to the stylesheet (e.g. a flex child). */
  maxHeight?: number | null;
  selection?: RowSelectionProps<T>;
  /** Clicks on a row outside its controls (inputs, links, buttons). */
  onRowClick?: (row: T, index: number, event: MouseEvent<HTMLTableRowElement>) => void;
  /** Extra attributes of a row: a class, aria-current, data-* attributes. */
  rowProps?: (row: T) => { className?: string; current?: boolean; data?: Record<string, string> };
  /** Called (debounced) with the rows on screen, e.g. to load their details. */
  onVisibleRowsChange?: (rows: T[]) => void;
  /** Scrolls this row (display index) into view when it changes. */
  scrollToIndex?: number;
  /** Headers only for assistive tech (a list-like table). */
  hideHeader?: boolean;
  className?: string;
  empty?: ReactNode;
}

export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { table, selection, rowHeight = 30, onVisibleRowsChange, scrollToIndex, source } = props;
  const model = source ? null : table.getRowModel().rows;
  const count = source ? source.rows.length : (model?.length ?? 0);
  const rowAt = (i: number): { id: string; original: T } | undefined => {
    if (model) return model[i];
    const original = source?.rows[i];
    return original === undefined || !source
      ? undefined
      : { id: String(source.id(original)), original };
  };
  const columns = table.getAllLeafColumns().filter((c) => !c.columnDef.meta?.csvOnly);
  const defs = columns.map((c) => c.columnDef);
  const footer = hasFooter(defs);
  const sourceRows = source?.rows;
  // Only a table with totals needs its rows' data as one list (tables with totals are short).
  const originals = footer ? (sourceRows ?? model?.map((r) => r.original) ?? []) : [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const win = useRowWindow(scrollRef, count, rowHeight, 12);
  const shownRows: { index: number; id: string; original: T }[] = [];
  for (let i = win.start; i < win.end; i++) {
    const row = rowAt(i);
    if (row) shownRows.push({ index: i, id: row.id, original: row.original });
  }
  // A fast scroll passes thousands of rows: report the ones on screen once they stay a moment.
  const onScreen = shownRows.filter(
    (r) => r.index >= win.onScreen.start && r.index < win.onScreen.end,
  );
  const visibleKey = onScreen.map((r) => r.id).join(',');
  const latest = useRef(onScreen);
  useEffect(() => {
    latest.current = onScreen;
  });
  useEffect(() => {
    if (!onVisibleRowsChange) return;
    const timer = setTimeout(() => onVisibleRowsChange(latest.current.map((r) => r.original)), 200);
    return () => clearTimeout(timer);
  }, [visibleKey, onVisibleRowsChange]);
  const { scrollToIndex: scrollTo } = win;
  useEffect(() => {
    if (scrollToIndex !== undefined && scrollToIndex >= 0) scrollTo(scrollToIndex);
  }, [scrollToIndex, scrollTo]);
  const totals = footer ? columnTotals(defs, originals) : [];
  const top = win.start * rowHeight;
  const bottom = (count - win.end) * rowHeight;
  const span = columns.length + (selection ? 1 : 0);
  const numeric = (i: number) => (defs[i]?.meta?.numeric ? 'dt-num' : undefined);

  return (
    <div
      ref={scrollRef}
      className={`data-table${props.className ? ` ${props.className}` : ''}`}
      style={
        props.height
          ? { height: props.height }
          : props.maxHeight === null
            ? undefined
            : { maxHeight: props.maxHeight ?? 420 }
      }
    >
      <table
        aria-label={props.label}
        aria-rowcount={count + 1 + (footer ? 1 : 0)}
        style={{ minWidth: `${tableMinWidthRem(defs, selection !== undefined)}rem` }}
      >
        <colgroup>
          {selection ? <col style={{ width: '2.4rem' }} /> : null}
          {defs.map((d) => (
            <col key={d.id} style={{ width: d.meta?.width ?? 'auto' }} />
          ))}
        </colgroup>
        <DataTableHead
          table={table}
          columns={columns}
          selectAll={selection?.selectAll}
          hidden={props.hideHeader ?? false}
        />
        <tbody>
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
          {shownRows.map((row) => {
            const extra = props.rowProps?.(row.original);
            const checked = selection?.isSelected(row.original);
            const data = Object.fromEntries(
              Object.entries(extra?.data ?? {}).map(([k, v]) => [`data-${k}`, v]),
            );
            return (
              <tr
                key={row.id}
                aria-rowindex={row.index + 2}
                aria-selected={checked}
                aria-current={extra?.current ? 'true' : undefined}
                className={extra?.className}
                style={{ height: rowHeight }}
                {...data}
                onClick={
                  props.onRowClick
                    ? (e) => {
                        if ((e.target as HTMLElement).closest('input, a, button, label')) return;
                        props.onRowClick?.(row.original, row.index, e);
                      }
                    : undefined
                }
              >
                {selection ? (
                  <td className="dt-check">
                    <input
                      type="checkbox"
                      aria-label={`Select ${selection.rowLabel(row.original)}`}
                      checked={checked ?? false}
                      onChange={(e) =>
                        selection.onToggle(row.original, row.index, e.target.checked)
                      }
                    />
                  </td>
                ) : null}
                {defs.map((def, i) => (
                  <td key={def.id} className={numeric(i)}>
                    <BodyCell def={def} row={row.original} />
                  </td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
          {count === 0 ? (
            <tr>
              <td colSpan={span} className="dt-empty">
                {props.empty ?? 'No rows'}
              </td>
            </tr>
          ) : null}
        </tbody>
        {footer ? (
          <tfoot>
            <tr aria-rowindex={count + 2}>
              {selection ? <td /> : null}
              {totals.map((t, i) => (
                <td key={t.id} className={numeric(i)}>
                  {t.text}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
