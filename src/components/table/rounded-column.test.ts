import { describe, expect, it } from 'vitest';
import { roundedColumn } from './rounded-column.ts';
import { columnTotals, tableCsvRows } from './table-export.ts';

interface Row {
  cable: number;
}
const rows: Row[] = [{ cable: 1234.56789 }, { cable: 0.1 + 0.2 }];
const cable = roundedColumn<Row>({
  id: 'cable',
  header: 'Cable (µm)',
  csv: 'cable_um',
  width: '7rem',
  value: (r) => r.cable,
  digits: 1,
  csvDigits: 3,
});

describe('roundedColumn', () => {
  it('shows fixed decimals with separators, exports and totals rounded to csvDigits', () => {
    expect(tableCsvRows([cable], rows)).toEqual([['cable_um'], [1234.568], [0.3], [1234.868]]);
    expect(columnTotals([cable], rows).map((t) => t.text)).toEqual(['1,234.9']);
  });

  it('rounds CSV cells like the screen when csvDigits is not given', () => {
    const nodes = roundedColumn<Row>({
      id: 'n',
      header: 'Nodes',
      csv: 'nodes',
      width: '7rem',
      value: (r) => r.cable,
    });
    expect(tableCsvRows([nodes], rows)).toEqual([['nodes'], [1235], [0], [1235]]);
    expect(columnTotals([nodes], rows).map((t) => t.text)).toEqual(['1,235']);
  });
});
