// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { extendsRows } from './append-row-model.ts';
import { column } from './define-column.ts';
import { useDataTable } from './use-data-table.ts';

interface Item {
  id: number;
  name: string;
}
const items: Item[] = Array.from({ length: 6 }, (_, i) => ({ id: i, name: `n${5 - i}` }));

describe('extendsRows', () => {
  it('is true only when the new list starts with the same objects in the same order', () => {
    const [a, b, c] = items;
    expect(extendsRows([a, b], [a, b, c])).toBe(true);
    expect(extendsRows([a, b], [a, b])).toBe(true);
    expect(extendsRows([], [a])).toBe(true);
    expect(extendsRows([a, b], [b, a, c])).toBe(false);
    expect(extendsRows([a, b, c], [a, b])).toBe(false);
    // An equal copy is not the same row: its values may differ.
    expect(extendsRows([a], [{ ...items[0] } as Item])).toBe(false);
  });
});

describe('the append-only core row model', () => {
  // `seen` records which row values were computed: a reused row does not compute them again.
  function setup() {
    const seen: number[] = [];
    const columns = [
      column<Item>({
        id: 'name',
        header: 'Name',
        value: (r) => {
          seen.push(r.id);
          return r.name;
        },
      }),
    ];
    const hook = renderHook(
      (p: { data: Item[]; key: unknown; sorted: boolean }) =>
        useDataTable({
          data: p.data,
          columns,
          getRowId: (r) => r.id,
          valuesKey: p.key,
          sort: p.sorted ? { id: 'name', desc: false } : null,
          onSortChange: () => undefined,
        }),
      { initialProps: { data: items.slice(0, 3), key: 'a', sorted: false } },
    );
    const rows = () => hook.result.current.getRowModel().rows;
    return { seen, hook, rows };
  }

  it('keeps the rows built so far when rows are appended, and adds the new ones', () => {
    const { hook, rows } = setup();
    const before = rows();
    hook.rerender({ data: items.slice(0, 5), key: 'a', sorted: false });
    const after = rows();
    expect(after.map((r) => r.id)).toEqual(['0', '1', '2', '3', '4']);
    expect(after.slice(0, 3)).toEqual(before);
    for (let i = 0; i < 3; i++) expect(after[i]).toBe(before[i]);
    expect(hook.result.current.getRow('4').original).toBe(items[4]);
  });

  it('rebuilds every row for a new values key, a reordering or a shorter list', () => {
    const { hook, rows } = setup();
    const first = rows()[0];
    hook.rerender({ data: items.slice(0, 3), key: 'b', sorted: false });
    expect(rows()[0]).not.toBe(first);
    const second = rows()[0];
    hook.rerender({ data: [items[1], items[0], items[2]] as Item[], key: 'b', sorted: false });
    expect(rows().map((r) => r.id)).toEqual(['1', '0', '2']);
    expect(rows().find((r) => r.id === '0')).not.toBe(second);
    hook.rerender({ data: items.slice(0, 1), key: 'b', sorted: false });
    expect(rows().map((r) => r.id)).toEqual(['0']);
  });

  it('sorts appended rows with the kept ones, computing each kept value once', () => {
    const { seen, hook, rows } = setup();
    hook.rerender({ data: items.slice(0, 3), key: 'a', sorted: true });
    expect(rows().map((r) => r.original.name)).toEqual(['n3', 'n4', 'n5']);
    seen.length = 0;
    hook.rerender({ data: items, key: 'a', sorted: true });
    expect(rows().map((r) => r.original.name)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5']);
    // Only the three new rows computed their sort value.
    expect([...new Set(seen)].sort()).toEqual([3, 4, 5]);
  });
});
