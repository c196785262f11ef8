/** The "Neuron" column of tables whose rows carry a neuron's name and its selection colour. */
import type { RowData } from '@tanstack/react-table';
import { column, type TableColumn } from '../../components/table/define-column.ts';

export function swatchNameColumn<T extends RowData & { name: string; color: string }>(
  width?: string,
): TableColumn<T> {
  return column<T>({
    id: 'name',
    header: 'Neuron',
    value: (r) => r.name,
    cell: (r) => (
      <span>
        <span className="swatch" style={{ background: r.color }} aria-hidden="true" /> {r.name}
      </span>
    ),
    csv: 'name',
    ...(width === undefined ? {} : { width }),
  });
}
