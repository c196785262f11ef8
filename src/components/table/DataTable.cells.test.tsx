/**
 * A view may rebuild its column list on every render (the selection list's columns close over
 * row callbacks): the cells must stay mounted, or a control loses keyboard focus whenever the
 * view re-renders, e.g. right after the user toggled it.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import { mockLayout } from '../../../test-support/dom/mock-layout.ts';
import { DataTable } from './DataTable.tsx';
import { column } from './define-column.ts';
import { useDataTable } from './use-data-table.ts';

// jsdom has no layout: give the scroll element a 300 px high viewport.
mockLayout(300, 800);
afterEach(cleanup);

interface Row {
  id: number;
}
const data: Row[] = [{ id: 1 }, { id: 2 }];

function Harness() {
  const [on, setOn] = useState<ReadonlySet<number>>(new Set());
  // Rebuilt on every render on purpose, like a column list built from fresh callbacks.
  const columns = [
    column<Row>({
      id: 'on',
      header: 'On',
      cell: (r) => (
        <input
          type="checkbox"
          aria-label={`Row ${r.id}`}
          checked={on.has(r.id)}
          onChange={(e) =>
            setOn((prev) => {
              const next = new Set(prev);
              if (e.target.checked) next.add(r.id);
              else next.delete(r.id);
              return next;
            })
          }
        />
      ),
    }),
  ];
  const table = useDataTable({ data, columns, getRowId: (r) => r.id });
  return <DataTable table={table} label="Rows" rowHeight={30} />;
}

it('keeps cells mounted, and focus in them, when the columns are rebuilt', () => {
  render(<Harness />);
  const box = screen.getByRole('checkbox', { name: 'Row 2' });
  act(() => box.focus());
  fireEvent.click(box);
  const after = screen.getByRole('checkbox', { name: 'Row 2' });
  expect((after as HTMLInputElement).checked).toBe(true);
  expect(after).toBe(box);
  expect(document.activeElement).toBe(box);
});
