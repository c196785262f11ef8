/**
 * One column of any table, declared once: header, cell, sort key, CSV column and footer total.
 * `column()` turns that into a TanStack Table column definition whose `meta` carries the CSV and
 * total (see column-meta.ts), so `tableCsv` and the footer derive from the same list.
 */
import {
  createSortedRowModel,
  type CellContext,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type Row,
  type RowData,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { createAppendOnlyCoreRowModel } from './append-row-model.ts';
import type { CsvColumn } from './column-meta.ts';
import { compareSortValues, sortKey, type SortValue } from './sort-value.ts';
import { formatCount } from '../../lib/format.ts';

export const features = tableFeatures({
  coreRowModel: createAppendOnlyCoreRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
});
export type Features = typeof features;
export type TableColumn<T extends RowData> = ColumnDef<Features, T, unknown>;
type TableRow<T extends RowData> = Row<Features, T>;

export interface ColumnSpec<T extends RowData> {
  id: string;
  /** Header text: also the accessible name and the default CSV header. */
  header: string;
  /** Richer header content (the text stays the accessible name). */
  renderHeader?: () => ReactNode;
  /** Sort key, default cell text and default CSV value; absent = not sortable. */
  value?: (row: T) => number | string | null | undefined;
  /** Cell content; default: `value`, numbers formatted. */
  cell?: (row: T) => ReactNode;
  numeric?: boolean;
  /** First click sorts descending; default: numeric columns do. */
  descFirst?: boolean;
  /** Number format of the cell and the footer; default: thousands separators. */
  format?: (n: number) => string;
  width?: string;
  /** CSV column: a header for `value`, a header and accessor, or false; default `header`. */
  csv?: string | false | CsvColumn<T>;
  /** Footer total: `true` sums `value`, or a function of the rows shown. */
  total?: true | ((rows: readonly T[]) => number);
  footerLabel?: string;
  csvOnly?: boolean;
}

function csvOf<T extends RowData>(spec: ColumnSpec<T>): CsvColumn<T> | undefined {
  const value = spec.value;
  if (spec.csv === false) return undefined;
  if (typeof spec.csv === 'object') return spec.csv;
  if (!value) return undefined;
  return { header: spec.csv ?? spec.header, value: (row) => value(row) ?? '' };
}

function totalOf<T extends RowData>(
  spec: ColumnSpec<T>,
): ((rows: readonly T[]) => number) | undefined {
  const { total, value } = spec;
  if (total !== true) return total;
  if (!value) return undefined;
  return (rows) => rows.reduce((s, r) => s + (Number(value(r)) || 0), 0);
}

/**
 * The cell component of every column: one function, so React sees the same component type however
 * often a view rebuilds its column list. A view whose columns close over per-render callbacks
 * (the selection list) would otherwise remount every cell on each render, dropping keyboard focus
 * and per-cell state.
 */
function ColumnCell<T extends RowData>(ctx: CellContext<Features, T, unknown>): ReactNode {
  return ctx.column.columnDef.meta?.render?.(ctx.row.original) ?? null;
}

export function column<T extends RowData>(spec: ColumnSpec<T>): TableColumn<T> {
  const { value, cell, renderHeader } = spec;
  const format = spec.format ?? formatCount;
  const show = (row: T): ReactNode => {
    if (cell) return cell(row);
    const v = value?.(row);
    if (v === undefined || v === null) return '…';
    return typeof v === 'number' ? format(v) : v;
  };
  return {
    id: spec.id,
    header: renderHeader ?? spec.header,
    accessorFn: (row: T) => sortKey(value?.(row)),
    cell: ColumnCell,
    enableSorting: value !== undefined,
    sortDescFirst: spec.descFirst ?? spec.numeric ?? false,
    sortUndefined: 'last',
    sortFn: (a: TableRow<T>, b: TableRow<T>, id: string) =>
      compareSortValues(a.getValue<SortValue>(id), b.getValue<SortValue>(id)),
    meta: {
      render: show,
      numeric: spec.numeric,
      width: spec.width,
      headerLabel: spec.header,
      csv: csvOf(spec),
      total: totalOf(spec),
      formatTotal: format,
      footerLabel: spec.footerLabel,
      csvOnly: spec.csvOnly,
    },
  };
}
