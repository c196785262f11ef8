/**
 * Renders any table model from useDataTable: a real <table> (headers with scope and aria-sort,
 * sortable headers are buttons), only the rows in view in the DOM (TanStack Virtual, fixed row
 * height; `aria-rowcount` tells assistive tech and tests how many there are), an optional checkbox
 * column, and a sticky footer of column totals derived from the columns.
 */
import type { RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type MouseEvent, type ReactNode } from 'react';
import { DataTableHead, type SelectAll } from './DataTableHead.tsx';
import { columnTotals, hasFooter } from './table-export.ts';
import { tableMinWidthRem, type DataTableInstance } from './use-data-table.ts';
import './data-table.css';

interface RowSelectionProps<T> {
  isSelected: (row: T) => boolean;
  onToggle: (row: T, index: number, checked: boolean) => void;
  /** The checkbox's name is "Select <rowLabel>". */
  rowLabel: (row: T) => string;
  selectAll: SelectAll;
}

export interface DataTableProps<T extends RowData> {
  table: DataTableInstance<T>;
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
  const { table, selection, rowHeight = 30, onVisibleRowsChange, scrollToIndex } = props;
  const rows = table.getRowModel().rows;
  const columns = table.getAllLeafColumns().filter((c) => !c.columnDef.meta?.csvOnly);
  const defs = columns.map((c) => c.columnDef);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  // A fast scroll passes thousands of rows: report the visible ones once they stay a moment.
  const visibleKey = items.map((item) => rows[item.index]?.id ?? '').join(',');
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (!onVisibleRowsChange) return;
    const timer = setTimeout(() => {
      const shown = new Set(visibleKey.split(','));
      // Only the rows in view, not a pass over all 50,000 on every pause.
      const near = rows.slice(firstVisible, lastVisible + 1);
      onVisibleRowsChange(near.filter((r) => shown.has(r.id)).map((r) => r.original));
    }, 200);
    return () => clearTimeout(timer);
  }, [visibleKey, onVisibleRowsChange, rows, firstVisible, lastVisible]);
  useEffect(() => {
    if (scrollToIndex !== undefined && scrollToIndex >= 0) virtualizer.scrollToIndex(scrollToIndex);
  }, [scrollToIndex, virtualizer]);
  const footer = hasFooter(defs);
  // Only a table with totals needs its rows' data as one list (not rebuilt per render otherwise).
  const originals = useMemo(() => (footer ? rows.map((r) => r.original) : []), [rows, footer]);
  const totals = footer ? columnTotals(defs, originals) : [];
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
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
        aria-rowcount={rows.length + 1 + (footer ? 1 : 0)}
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
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const extra = props.rowProps?.(row.original);
            const checked = selection?.isSelected(row.original);
            const data = Object.fromEntries(
              Object.entries(extra?.data ?? {}).map(([k, v]) => [`data-${k}`, v]),
            );
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                aria-selected={checked}
                aria-current={extra?.current ? 'true' : undefined}
                className={extra?.className}
                style={{ height: rowHeight }}
                {...data}
                onClick={
                  props.onRowClick
                    ? (e) => {
                        if ((e.target as HTMLElement).closest('input, a, button, label')) return;
                        props.onRowClick?.(row.original, item.index, e);
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
                        selection.onToggle(row.original, item.index, e.target.checked)
                      }
                    />
                  </td>
                ) : null}
                {row.getAllCells().map((cell, i) =>
                  cell.column.columnDef.meta?.csvOnly ? null : (
                    <td key={cell.id} className={numeric(i)}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ),
                )}
              </tr>
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={span} className="dt-empty">
                {props.empty ?? 'No rows'}
              </td>
            </tr>
          ) : null}
        </tbody>
        {footer ? (
          <tfoot>
            <tr aria-rowindex={rows.length + 2}>
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
