/**
 * A core row model that keeps the rows it built when the data only grew at the end.
 *
 * TanStack Table's own core row model builds a row object for every data item whenever the data
 * array changes. The search appends 2,000 results at a time up to 50,000 and more: rebuilding all
 * of them per page cost 15-20 ms plus the garbage collection of the discarded rows, per page.
 * Here a new data array that starts with exactly the previous array's items (same objects, same
 * order) and carries the same values key (see `tagData`) reuses those row objects and builds only
 * the new ones. Anything else (a shorter list, another order, a new values key) rebuilds all rows,
 * so cached cell values never outlive what they were computed from. Rows have no sub-rows here.
 */
import {
  constructRow,
  makeObjectMap,
  type Row,
  type RowData,
  type RowModel,
  type Table,
  type TableFeatures,
} from '@tanstack/react-table';

/** The values key each data array was made for (what cached row values depend on). */
const valuesKeys = new WeakMap<readonly unknown[], { key: unknown }>();

/** Records that `data` was derived for `key`; rows are reused only between arrays of one key. */
export function tagData<T>(data: readonly T[], key: unknown): readonly T[] {
  valuesKeys.set(data, { key });
  return data;
}

/** Whether `next` holds all of `prev`'s items, identical and in the same places, first. */
export function extendsRows<T>(prev: readonly T[], next: readonly T[]): boolean {
  if (prev.length > next.length) return false;
  for (let i = 0; i < prev.length; i++) if (prev[i] !== next[i]) return false;
  return true;
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  const ka = valuesKeys.get(a);
  const kb = valuesKeys.get(b);
  return ka !== undefined && kb !== undefined && ka.key === kb.key;
}

export function createAppendOnlyCoreRowModel<
  TFeatures extends TableFeatures,
  TData extends RowData,
>(): (table: Table<TFeatures, TData>) => () => RowModel<TFeatures, TData> {
  return (table) => {
    let lastData: readonly TData[] | null = null;
    let model: RowModel<TFeatures, TData> | null = null;
    return () => {
      const data = table.options.data;
      if (model && data === lastData) return model;
      const keep =
        model && lastData && sameKey(lastData, data) && extendsRows(lastData, data) ? model : null;
      const rows: Row<TFeatures, TData>[] = keep ? keep.rows.slice() : [];
      // Added to in place: an earlier model's map is never read again once this one exists.
      const rowsById = keep ? keep.rowsById : makeObjectMap<Row<TFeatures, TData>>();
      for (let i = rows.length; i < data.length; i++) {
        const original = data[i] as TData;
        const row = constructRow(table, table.getRowId(original, i), original, i, 0);
        rows.push(row);
        rowsById[row.id] = row;
      }
      model = { rows, flatRows: rows, rowsById };
      lastData = data;
      return model;
    };
  };
}
