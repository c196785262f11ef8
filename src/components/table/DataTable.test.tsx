// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { mockLayout } from '../../../test-support/dom/mock-layout.ts';
import { DataTable } from './DataTable.tsx';
import { column } from './define-column.ts';
import { useDataTable } from './use-data-table.ts';

interface Row {
  id: number;
  name: string;
  count: number | null;
}
// 1,000 rows: names "n0000".."n0999", counts 0..999 except every 100th row, which has none.
const data: Row[] = Array.from({ length: 1000 }, (_, i) => ({
  id: i,
  name: `n${String(999 - i).padStart(4, '0')}`,
  count: i % 100 === 50 ? null : i,
}));
const columns = [
  column<Row>({ id: 'name', header: 'Name', value: (r) => r.name, footerLabel: 'Total' }),
  column<Row>({ id: 'count', header: 'Count', numeric: true, value: (r) => r.count, total: true }),
];

function Harness() {
  const table = useDataTable({ data, columns, getRowId: (r) => r.id });
  return <DataTable table={table} label="Numbers" rowHeight={30} />;
}

// jsdom has no layout: give the scroll element a 300 px high viewport.
mockLayout(300, 800);
afterEach(cleanup);

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Numbers' }))
    .getAllByRole('row')
    .filter((r) => r.closest('tbody') !== null);
const firstCells = (col: number) =>
  bodyRows()
    .slice(0, 3)
    .map((r) => within(r).getAllByRole('cell')[col]?.textContent);

describe('DataTable', () => {
  it('renders headers, a window of the rows, and the footer totals from the columns', () => {
    render(<Harness />);
    const table = screen.getByRole('table', { name: 'Numbers' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'Count']);
    expect(table.getAttribute('aria-rowcount')).toBe('1002');
    // 300 px / 30 px = 10 rows on screen, plus overscan: far fewer than 1,000.
    expect(bodyRows().length).toBeGreaterThanOrEqual(10);
    expect(bodyRows().length).toBeLessThan(40);
    const footer = table.querySelector('tfoot tr');
    const expected = data.reduce((s, r) => s + (r.count ?? 0), 0);
    expect(footer?.textContent).toBe(`Total${expected.toLocaleString('en-US')}`);
  });

  it('sorts by header clicks: text ascending first, numbers descending first', () => {
    render(<Harness />);
    const header = (name: string) => screen.getByRole('columnheader', { name });
    expect(header('Name').getAttribute('aria-sort')).toBe('none');
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(header('Name').getAttribute('aria-sort')).toBe('ascending');
    expect(firstCells(0)).toEqual(['n0000', 'n0001', 'n0002']);

    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    expect(header('Count').getAttribute('aria-sort')).toBe('descending');
    expect(header('Name').getAttribute('aria-sort')).toBe('none');
    expect(firstCells(1)).toEqual(['999', '998', '997']);

    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    expect(header('Count').getAttribute('aria-sort')).toBe('ascending');
    expect(firstCells(1)).toEqual(['0', '1', '2']);
  });

  it('keeps rows without a value last in both directions', () => {
    render(<Harness />);
    const scroller = screen.getByRole('table', { name: 'Numbers' }).parentElement;
    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    if (!scroller) throw new Error('no scroll element');
    scroller.scrollTop = 30 * 1000;
    fireEvent.scroll(scroller);
    const last = () =>
      bodyRows()
        .slice(-10)
        .map((r) => within(r).getAllByRole('cell')[1]?.textContent);
    expect(last()).toEqual(Array(10).fill('…'));
    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    expect(last()).toEqual(Array(10).fill('…'));
  });
});
