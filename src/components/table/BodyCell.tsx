import type { RowData } from '@tanstack/react-table';
import { memo, type ReactNode } from 'react';
import type { TableColumn } from './define-column.ts';

interface Props<T extends RowData> {
  def: TableColumn<T>;
  row: T;
}

/**
 * One body cell: the column's `render` of the row (see define-column.ts). Memoised on the column
 * definition and the row, which are all a cell shows: when more rows arrive, or the table
 * re-renders for a scroll, the cells already on screen are not rendered again. A column list
 * rebuilt from new context (summaries, selection) is a new definition, so its cells do update.
 */
function BodyCellOf<T extends RowData>({ def, row }: Props<T>): ReactNode {
  return def.meta?.render?.(row) ?? null;
}

export const BodyCell = memo(BodyCellOf) as typeof BodyCellOf;
