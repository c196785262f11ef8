/**
 * CSV and footer totals derived from a table's columns: the CSV has one column per column with a
 * `meta.csv`, the rows in the order given (the display order), and a totals line when any column
 * has a `meta.total`. Pure, so it is tested without rendering.
 */
import { toCsv, type CsvValue } from '../../lib/csv.ts';
import type { RowData } from '@tanstack/react-table';
import type { TableColumn } from './define-column.ts';

export interface ColumnTotalsCell {
  id: string;
  text: string;
  /** The raw total (for CSV), or the label. */
  value: CsvValue;
}

export function hasFooter<T extends RowData>(columns: readonly TableColumn<T>[]): boolean {
  return columns.some((c) => c.meta?.total !== undefined);
}

/** The footer of each column: its formatted total, its label, or nothing. */
export function columnTotals<T extends RowData>(
  columns: readonly TableColumn<T>[],
  rows: readonly T[],
): ColumnTotalsCell[] {
  return columns.map((c) => {
    const meta = c.meta;
    const id = c.id ?? '';
    if (meta?.total) {
      const total = meta.total(rows);
      return { id, value: total, text: meta.formatTotal ? meta.formatTotal(total) : String(total) };
    }
    return { id, value: meta?.footerLabel ?? '', text: meta?.footerLabel ?? '' };
  });
}

export function tableCsvRows<T extends RowData>(
  columns: readonly TableColumn<T>[],
  rows: readonly T[],
): CsvValue[][] {
  const exported = columns.filter((c) => c.meta?.csv !== undefined);
  const header = exported.map((c) => c.meta?.csv?.header ?? '');
  const body = rows.map((row) => exported.map((c) => c.meta?.csv?.value(row) ?? ''));
  if (!hasFooter(columns)) return [header, ...body];
  const totals = columnTotals(exported, rows).map((t) => t.value);
  return [header, ...body, totals];
}

export function tableCsv<T extends RowData>(
  columns: readonly TableColumn<T>[],
  rows: readonly T[],
): string {
  return toCsv(tableCsvRows(columns, rows));
}
