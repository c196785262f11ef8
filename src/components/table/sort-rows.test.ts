import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './sort-rows.ts';

const rows = [
  { n: 'KC 10', v: 3 },
  { n: 'KC 9', v: Number.NaN },
  { n: 'kc 1', v: 3 },
  { n: 'APL', v: 7 },
];

describe('sortRows', () => {
  it('numbers, stable, empties last in both directions', () => {
    expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.n)).toEqual([
      'APL',
      'KC 10',
      'kc 1',
      'KC 9',
    ]);
    expect(sortRows(rows, (r) => r.v, 'asc').map((r) => r.n)).toEqual([
      'KC 10',
      'kc 1',
      'APL',
      'KC 9',
    ]);
  });
  it('text with numeric collation, case-insensitive', () => {
    expect(sortRows(rows, (r) => r.n, 'asc').map((r) => r.n)).toEqual([
      'APL',
      'kc 1',
      'KC 9',
      'KC 10',
    ]);
  });
  it('header clicks', () => {
    expect(nextSort(null, 'total', true)).toEqual({ columnId: 'total', direction: 'desc' });
    expect(nextSort({ columnId: 'total', direction: 'desc' }, 'total', true).direction).toBe('asc');
    expect(nextSort({ columnId: 'total', direction: 'desc' }, 'name', false).direction).toBe('asc');
  });
});

describe('rowWindow', () => {
  it('renders the visible rows plus overscan', async () => {
    const { rowWindow } = await import('./row-window.ts');
    const w = rowWindow(1000, 30, 3000, 300, 5);
    expect(w.totalSize).toBe(30_000);
    expect(w.items[0]).toEqual({ index: 95, start: 2850 });
    expect(w.items.at(-1)?.index).toBe(114);
    expect(rowWindow(3, 30, 0, 300).items).toHaveLength(3);
  });
});
