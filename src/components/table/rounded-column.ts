/**
 * A numeric column whose cells show `digits` decimals while its CSV cells and footer total are
 * rounded to `csvDigits` (default: the same), so an export keeps more precision than the screen
 * without carrying float noise. The statistics tables declare their number columns with it.
 */
import type { RowData } from '@tanstack/react-table';
import { formatFixed, roundTo } from '../../lib/format.ts';
import { column, type TableColumn } from './define-column.ts';

export interface RoundedColumnSpec<T> {
  id: string;
  header: string;
  /** CSV header. */
  csv: string;
  width: string;
  value: (row: T) => number;
  digits?: number;
  csvDigits?: number;
}

export function roundedColumn<T extends RowData>(spec: RoundedColumnSpec<T>): TableColumn<T> {
  const { value, digits = 0, csvDigits = digits } = spec;
  return column<T>({
    id: spec.id,
    header: spec.header,
    numeric: true,
    width: spec.width,
    value,
    format: (n) => formatFixed(n, digits),
    csv: { header: spec.csv, value: (r) => roundTo(value(r), csvDigits) },
    total: (rows) =>
      roundTo(
        rows.reduce((s, r) => s + value(r), 0),
        csvDigits,
      ),
  });
}
