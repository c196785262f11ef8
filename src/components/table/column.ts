import type { ReactNode } from 'react';
import type { SortValue } from './sort-rows.ts';

/** One column of a DataTable. */
export interface Column<T> {
  id: string;
  header: ReactNode;
  /** Accessible name of the header when `header` is not plain text. */
  headerLabel?: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable. */
  sortValue?: (row: T) => SortValue;
  /** Numbers: right-aligned, first click sorts descending. */
  numeric?: boolean;
  /** CSS grid track, e.g. `6rem` or `minmax(10rem, 2fr)`; default `minmax(5rem, 1fr)`. */
  width?: string;
}
