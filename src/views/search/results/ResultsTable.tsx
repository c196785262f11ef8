import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { resultColumns, type ColumnContext } from './results-columns.tsx';
import type { ResultRow } from './result-row.ts';
import { clickRow, selectAll, toggleRow, type RowSelection } from './row-selection.ts';
import type { SearchSort } from '../../../state/search-url.ts';

const ROW_HEIGHT = 33;

interface Props {
  rows: readonly ResultRow[];
  ctx: ColumnContext;
  sort: SearchSort | null;
  onSort: (column: string) => void;
  rowSelection: RowSelection;
  onRowSelection: (next: RowSelection) => void;
  inSelection: ReadonlySet<number>;
  onVisibleChange: (skeletonIds: number[]) => void;
}

/** The results as a virtualized table: only the rows on screen are in the DOM. */
export function ResultsTable({
  rows,
  ctx,
  sort,
  onSort,
  rowSelection,
  onRowSelection,
  inSelection,
  onVisibleChange,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const ids = useMemo(() => rows.map((r) => r.skeletonId), [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  // Tell the parent which rows are on screen once they stay there for a moment (it loads their
  // creators): a fast scroll passes thousands of rows and must not re-render the panel per frame.
  const visibleKey = items.map((item) => rows[item.index]?.skeletonId ?? -1).join(',');
  useEffect(() => {
    const timer = setTimeout(
      () => onVisibleChange(visibleKey ? visibleKey.split(',').map(Number) : []),
      200,
    );
    return () => clearTimeout(timer);
  }, [visibleKey, onVisibleChange]);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const allSelected = rows.length > 0 && rowSelection.selected.size === rows.length;

  return (
    <div className="table-scroll" ref={scrollRef}>
      {/* Fixed layout: column widths come from the <col>s, so rows entering while scrolling do
          not make the browser re-measure the whole table. */}
      <table aria-rowcount={rows.length + 1} className="fixed-table">
        <colgroup>
          <col style={{ width: '2.5rem' }} />
          {resultColumns.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
          <col style={{ width: '6.5rem' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="check">
              <input
                type="checkbox"
                aria-label="Select all results"
                checked={allSelected}
                onChange={(e) => onRowSelection(selectAll(ids, e.target.checked))}
              />
            </th>
            {resultColumns.map((c) => (
              <th
                key={c.id}
                scope="col"
                aria-sort={
                  sort?.column === c.id
                    ? sort.dir === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : undefined
                }
                className={c.numeric ? 'num' : undefined}
              >
                <button type="button" className="sort" onClick={() => onSort(c.id)}>
                  {c.label}
                  <span aria-hidden="true">
                    {sort?.column === c.id ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">In selection</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const checked = rowSelection.selected.has(row.skeletonId);
            return (
              <tr
                key={row.skeletonId}
                aria-rowindex={item.index + 2}
                aria-selected={checked}
                style={{ height: ROW_HEIGHT }}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('input, a, button')) return;
                  onRowSelection(
                    clickRow(rowSelection, ids, item.index, {
                      shift: e.shiftKey,
                      toggle: e.ctrlKey || e.metaKey,
                    }),
                  );
                }}
              >
                <td className="check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.name}`}
                    checked={checked}
                    onChange={() => onRowSelection(toggleRow(rowSelection, ids, item.index))}
                  />
                </td>
                {resultColumns.map((c) => (
                  <td key={c.id} className={c.numeric ? 'num' : undefined}>
                    {c.render ? c.render(row, ctx) : (c.value(row, ctx) ?? '…')}
                  </td>
                ))}
                <td>
                  {inSelection.has(row.skeletonId) ? (
                    <span aria-label="in selection">✓</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
