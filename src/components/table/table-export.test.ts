import { describe, expect, it } from 'vitest';
import { column } from './define-column.ts';
import { columnTotals, hasFooter, tableCsv, tableCsvRows } from './table-export.ts';

interface Row {
  id: number;
  name: string;
  count: number;
  score?: number;
}
const rows: Row[] = [
  { id: 7, name: 'KC, left', count: 1200, score: 0.5 },
  { id: 3, name: 'PN', count: 34 },
];
const columns = [
  column<Row>({ id: 'id', header: 'Id', value: (r) => r.id, csv: 'id', csvOnly: true }),
  column<Row>({ id: 'name', header: 'Name', value: (r) => r.name, footerLabel: 'Total' }),
  column<Row>({ id: 'count', header: 'Count', numeric: true, value: (r) => r.count, total: true }),
  column<Row>({
    id: 'score',
    header: 'Score',
    numeric: true,
    value: (r) => r.score,
    csv: { header: 'score_percent', value: (r) => (r.score === undefined ? '' : r.score * 100) },
  }),
  column<Row>({ id: 'button', header: 'Open', cell: () => null }),
];

describe('CSV and totals from the column list', () => {
  it('one CSV column per exported column, in the rows’ order, with a totals line', () => {
    expect(tableCsvRows(columns, rows)).toEqual([
      ['id', 'Name', 'Count', 'score_percent'],
      [7, 'KC, left', 1200, 50],
      [3, 'PN', 34, ''],
      ['', 'Total', 1234, ''],
    ]);
    expect(tableCsv(columns, rows).split('\r\n')[1]).toBe('7,"KC, left",1200,50');
  });

  it('footer cells: formatted totals and labels, nothing elsewhere', () => {
    expect(columnTotals(columns, rows).map((t) => t.text)).toEqual(['', 'Total', '1,234', '', '']);
    expect(columnTotals(columns, []).map((t) => t.text)[2]).toBe('0');
  });

  it('no totals line when no column has a total', () => {
    const plain = [columns[1], columns[3]].filter((c) => c !== undefined);
    expect(hasFooter(plain)).toBe(false);
    expect(tableCsvRows(plain, rows)).toHaveLength(3);
  });
});
