import { describe, expect, it } from 'vitest';
import { clickRow, emptyRowSelection, selectAll, toggleRow } from './row-selection.ts';

const ids = [10, 11, 12, 13, 14];
const plain = { shift: false, toggle: false };

describe('row selection', () => {
  it('click selects one row; Ctrl-click toggles; Shift-click selects a range from the anchor', () => {
    let s = clickRow(emptyRowSelection, ids, 1, plain);
    expect([...s.selected]).toEqual([11]);
    s = clickRow(s, ids, 3, { shift: true, toggle: false });
    expect([...s.selected].sort()).toEqual([11, 12, 13]);
    s = clickRow(s, ids, 4, { shift: false, toggle: true });
    expect([...s.selected].sort()).toEqual([11, 12, 13, 14]);
    s = clickRow(s, ids, 0, { shift: true, toggle: false });
    expect([...s.selected].sort()).toEqual([10, 11, 12, 13, 14]);
    s = clickRow(s, ids, 2, plain);
    expect([...s.selected]).toEqual([12]);
  });

  it('the checkbox toggles without clearing the others; select-all and none', () => {
    let s = toggleRow(emptyRowSelection, ids, 0);
    s = toggleRow(s, ids, 2);
    expect([...s.selected].sort()).toEqual([10, 12]);
    expect(selectAll(ids, true).selected.size).toBe(5);
    expect(selectAll(ids, false).selected.size).toBe(0);
  });
});
