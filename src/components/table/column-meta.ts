/**
 * What a column carries besides header, cell and sort: its CSV column and its footer total, typed
 * on TanStack Table's `ColumnMeta` so every table reads them from the one column list (CSV
 * exports and totals are derived, never restated by position).
 */
import type { CellData, RowData, TableFeatures } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { CsvValue } from '../../lib/csv.ts';

export interface CsvColumn<TData> {
  header: string;
  value: (row: TData) => CsvValue;
}

declare module '@tanstack/react-table' {
  // The type parameters must match the library's declaration to merge with it.
  interface ColumnMeta<
    in out TFeatures extends TableFeatures,
    in out TData extends RowData,
    TValue extends CellData = CellData,
  > {
    /** The cell's content for a row (rendered by the one cell component, see define-column). */
    render?: (row: TData) => ReactNode;
    /** Right-aligned; a first click on its header sorts descending unless `descFirst` says no. */
    numeric?: boolean;
    /** CSS width of the column, e.g. `7rem` (`auto` takes the rest). */
    width?: string;
    /** Accessible name of the header when the header renders more than text. */
    headerLabel?: string;
    /** Its CSV column; absent = not exported (e.g. a button column). */
    csv?: CsvColumn<TData>;
    /** Total over the rows shown, in the footer and the CSV's last line. */
    total?: (rows: readonly TData[]) => number;
    /** How the footer shows `total`. */
    formatTotal?: (total: number) => string;
    /** Footer text of a column without a total (e.g. "Total" in the name column). */
    footerLabel?: string;
    /** Exported to CSV but not shown (e.g. a user id next to the user name). */
    csvOnly?: boolean;
    /** Unused; keeps the merged declaration's parameters referenced. */
    readonly __types?: [TFeatures, TValue];
  }
}
